using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// The checks the generator makes of attributes (PRIV001 to PRIV020), made of fluent declarations when the model is
/// finalized: a declaration nothing could enforce is refused there, naming the entity and the property, rather than
/// leaving data unprotected.
/// </summary>
internal static class FluentDeclarationChecks
{
    public static void Check(IReadOnlyEntityType entityType, PrivacyEntityMetadata metadata, FluentDeclarations fluent)
    {
        var entity = entityType.DisplayName();
        foreach (var declared in fluent.Properties)
        {
            var property = declared.Property;
            var where = $"{entity}.{property.Name}";
            if (property.PropertyInfo is null)
            {
                Refuse(where, "it is a shadow or indexer property; PrivacyEf protects properties of the entity's class, which it masks and reads where they are");
            }

            if (metadata.FindProperty(property.Name) is { } personal && declared.Personal is not null)
            {
                CheckPersonal(where, property, personal, metadata);
            }
        }

        if (fluent.DataSubject is { } subject
            && entityType.FindProperty(subject.Member) is null
            && entityType.FindNavigation(subject.Member) is null)
        {
            Refuse($"{entity}.{subject.Member}", "HasDataSubject names no property or navigation the model maps on this entity");
        }

        if (fluent.LegalHold is { } hold && entityType.FindProperty(hold)?.ClrType != typeof(bool))
        {
            Refuse($"{entity}.{hold}", "HasLegalHold needs a mapped, non-nullable bool property");
        }

        if (fluent.Retention is { } retention)
        {
            var from = entityType.FindProperty(retention.FromProperty)?.ClrType;
            var date = from is null ? null : Nullable.GetUnderlyingType(from) ?? from;
            if (date != typeof(DateTime) && date != typeof(DateTimeOffset))
            {
                Refuse($"{entity}.{retention.FromProperty}", "HasRetention counts from a mapped DateTime or DateTimeOffset property (nullable allowed), and this is none");
            }
        }
    }

    private static void CheckPersonal(string where, IReadOnlyProperty property, PrivacyPropertyMetadata personal, PrivacyEntityMetadata metadata)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (!Enum.IsDefined(personal.Category) || !Enum.IsDefined(personal.Mask))
        {
            Refuse(where, $"category {personal.Category} or mask {personal.Mask} is not a defined value");
        }

        if (personal.Encrypt && type != typeof(string) && type != typeof(byte[]))
        {
            Refuse(where, $"it is of type {type.Name} and cannot be encrypted; encrypt: true is allowed on string and byte[] properties only");
        }

        if (personal.Searchable && !personal.Encrypt)
        {
            Refuse(where, "it is searchable but not encrypted; a blind index only exists beside a ciphertext, so set encrypt: true or remove searchable");
        }

        if (personal.Searchable && type != typeof(string))
        {
            Refuse(where, $"it is of type {type.Name} and cannot be searchable; a blind index is computed from normalized text, so searchable: true is allowed on string properties only");
        }

        if (personal.Redact && type != typeof(string))
        {
            Refuse(where, $"it is of type {type.Name} and cannot be redacted; redact: true is allowed on string properties only");
        }

        if (personal.Encrypt && (property.IsKey() || property.IsForeignKey() || string.Equals(metadata.DataSubjectProperty, property.Name, StringComparison.Ordinal)))
        {
            Refuse(where, "rows are found, joined, exported and erased through it (a key, a foreign key or the data subject), and a ciphertext is new at every write, so it cannot be encrypted");
        }

        if (MaskFitsOnly(personal.Mask, type) is { } fits)
        {
            Refuse(where, $"it is of type {type.Name}, and MaskStyle.{personal.Mask} applies to {fits} only; choose a mask that fits the type (MaskStyle.Hidden fits any type)");
        }
    }

    /// <summary>Null when the mask can apply to the type; else what it applies to (the generator's PRIV015).</summary>
    private static string? MaskFitsOnly(MaskStyle mask, Type type) => mask switch
    {
        MaskStyle.Email or MaskStyle.Last4 or MaskStyle.Initials or MaskStyle.Redacted or MaskStyle.Pseudonym when type != typeof(string) => "string properties",
        MaskStyle.YearOnly when !EffectiveMask.IsDate(type) && type != typeof(string) && type != typeof(int) => "DateTime, DateTimeOffset, DateOnly, string (a date) and int (a year) properties",
        _ => null,
    };

    private static void Refuse(string where, string why) =>
        throw new InvalidOperationException($"PrivacyEf cannot apply the fluent configuration of {where}: {why}.");
}
