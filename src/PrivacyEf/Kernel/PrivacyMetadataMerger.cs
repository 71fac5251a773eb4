using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// Merges an entity type's generated metadata (its attributes) with the model's fluent declarations. A fluent
/// declaration may repeat an attribute or strengthen it: turn on <c>Encrypt</c> or <c>Redact</c>, choose
/// <see cref="MaskStyle.Hidden"/>, narrow purposes to some of those declared. Anything else that differs (another
/// category, encryption or redaction off, searchable changed, another mask, other purposes, another data subject,
/// legal hold or retention rule) is refused: the configuration is the one record of how data is protected, and two
/// sources that disagree about it are a mistake to fix, not a choice to guess.
/// </summary>
internal static class PrivacyMetadataMerger
{
    public static PrivacyEntityMetadata Merge(IReadOnlyEntityType entityType, PrivacyEntityMetadata? generated, FluentDeclarations fluent)
    {
        var entity = entityType.DisplayName();
        var classPurposes = generated?.Purposes ?? [];
        var properties = generated?.Properties.ToList() ?? [];
        var order = DeclarationOrder(entityType.ClrType);
        foreach (var declared in fluent.Properties.OrderBy(p => order.GetValueOrDefault(p.Property.Name, int.MaxValue)))
        {
            var name = declared.Property.Name;
            var index = properties.FindIndex(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            var existing = index >= 0 ? properties[index] : null;
            var merged = MergeProperty(entity, declared, existing, classPurposes);
            if (index >= 0)
            {
                properties[index] = merged;
            }
            else
            {
                properties.Add(merged);
            }
        }

        var purposes = fluent.Purposes is null ? classPurposes : Narrowed(classPurposes, fluent.Purposes, $"{entity}: HasPurposes");
        var subject = Same(generated?.DataSubjectProperty, fluent.DataSubject?.Member, entity, "data subject ([DataSubject])");
        var kind = Same(generated?.DataSubjectKind, fluent.DataSubject?.Kind, entity, "kind of data subject ([DataSubject(typeof(...))])");
        var hold = Same(generated?.LegalHoldProperty, fluent.LegalHold, entity, "legal hold ([LegalHold])");
        var retention = Same(generated?.Retention, fluent.Retention, entity, "retention rule ([Retain])");

        return new PrivacyEntityMetadata(entityType.ClrType, properties, purposes, retention, subject, hold)
        {
            DataSubjectKind = kind,
            Purge = KeepsGeneratedPurge(generated, properties, hold) ? generated!.Purge : null,
        };
    }

    private static PrivacyPropertyMetadata MergeProperty(string entity, FluentProperty declared, PrivacyPropertyMetadata? existing, IReadOnlyList<string> classPurposes)
    {
        var where = $"{entity}.{declared.Property.Name}";
        if (declared.Personal is not { } personal)
        {
            if (existing is null)
            {
                throw new InvalidOperationException(
                    $"PrivacyEf: {where} has HasPurposes but is not personal; purposes govern who may read personal data, so declare it with IsPersonal(...) (or [Personal]) too.");
            }

            var effective = existing.Purposes.Count > 0 ? existing.Purposes : classPurposes;
            return existing with { Purposes = Narrowed(effective, declared.Purposes!, where + ": HasPurposes") };
        }

        if (existing is null)
        {
            return new PrivacyPropertyMetadata(
                declared.Property.Name,
                declared.Property.ClrType,
                personal.Category,
                personal.Encrypt,
                personal.Searchable,
                personal.Mask,
                personal.Redact,
                declared.Purposes ?? []);
        }

        if (personal.Category != existing.Category)
        {
            Refuse(where, $"its [Personal] says category {existing.Category}, the fluent IsPersonal says {personal.Category}");
        }

        if (existing.Encrypt && !personal.Encrypt)
        {
            Refuse(where, "the fluent IsPersonal would turn off the encryption its [Personal] asks for (write encrypt: true)");
        }

        if (existing.Redact && !personal.Redact)
        {
            Refuse(where, "the fluent IsPersonal would turn off the redaction its [Personal] asks for (write redact: true)");
        }

        if (existing.Searchable != personal.Searchable)
        {
            Refuse(where, $"its [Personal] says Searchable = {existing.Searchable}, the fluent IsPersonal says searchable: {personal.Searchable}; a blind index reveals which rows hold equal values, so only the attribute decides it");
        }

        var mask = personal.Mask == MaskStyle.Default || personal.Mask == existing.Mask ? existing.Mask
            : personal.Mask == MaskStyle.Hidden ? MaskStyle.Hidden
            : throw Refusal(where, $"its [Personal] masks with {existing.Mask}, the fluent IsPersonal with {personal.Mask}; only MaskStyle.Hidden, which shows less, may replace an attribute's mask");
        var purposes = declared.Purposes is null
            ? existing.Purposes
            : Narrowed(existing.Purposes.Count > 0 ? existing.Purposes : classPurposes, declared.Purposes, where + ": HasPurposes");
        return existing with
        {
            Encrypt = existing.Encrypt || personal.Encrypt,
            Redact = existing.Redact || personal.Redact,
            Mask = mask,
            Purposes = purposes,
        };
    }

    /// <summary>Purposes a declaration may set where some are already declared: only some of those (none declared means any).</summary>
    private static string[] Narrowed(IReadOnlyList<string> declared, string[] fluent, string where)
    {
        if (declared.Count > 0 && fluent.Any(p => !declared.Contains(p, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"PrivacyEf cannot apply {where}({string.Join(", ", fluent)}): the attributes allow only the purposes {string.Join(", ", declared)}, and a fluent declaration may narrow them, never widen them.");
        }

        return fluent;
    }

    private static T? Same<T>(T? generated, T? fluent, string entity, string what)
    {
        if (generated is null || fluent is null || EqualityComparer<T>.Default.Equals(generated, fluent))
        {
            return generated ?? fluent;
        }

        throw new InvalidOperationException(
            $"PrivacyEf cannot apply the fluent configuration of {entity}: its attributes declare the {what} {generated}, the fluent configuration {fluent}; a fluent declaration may repeat an attribute, never replace it.");
    }

    /// <summary>
    /// The generated typed purge fits only the metadata it was generated from: its legal-hold filter and its anonymizing
    /// setters name the attributes' properties. Otherwise the purge is built from the merged metadata when it first runs.
    /// </summary>
    private static bool KeepsGeneratedPurge(PrivacyEntityMetadata? generated, List<PrivacyPropertyMetadata> properties, string? hold) =>
        generated?.Purge is not null
        && string.Equals(generated.LegalHoldProperty, hold, StringComparison.Ordinal)
        && (generated.Retention?.Action != RetentionAction.Anonymize || properties.Count == generated.Properties.Count);

    /// <summary>
    /// Properties in the order their classes declare them, base class first, as the generator lists them: the model's own
    /// order is alphabetical, and the inventory and exports should read like the class.
    /// </summary>
    private static Dictionary<string, int> DeclarationOrder(Type clrType)
    {
        var hierarchy = new List<Type>();
        for (var type = clrType; type is not null && type != typeof(object); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in hierarchy.SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)))
        {
            order.TryAdd(property.Name, order.Count);
        }

        return order;
    }

    private static void Refuse(string where, string why) => throw Refusal(where, why);

    private static InvalidOperationException Refusal(string where, string why) =>
        new($"PrivacyEf cannot apply the fluent configuration of {where}: {why}. A fluent declaration may repeat or strengthen an attribute (turn on Encrypt or Redact, choose MaskStyle.Hidden, narrow purposes), never weaken or change it.");
}
