using System.ComponentModel;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Internal;

/// <summary>
/// The values an anonymizing <c>ExecuteUpdate</c> writes into one entity type: null where the model lets a
/// column be null, a fixed placeholder where it does not, and the moment of anonymization. Generated
/// <c>Anonymize</c> methods ask it, so nullability and mapping come from the EF model, not from the C# type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AnonymizedValues
{
    /// <summary>The shadow property that records when a row was anonymized; null means never.</summary>
    public const string AnonymizedAtProperty = "AnonymizedAt";

    /// <summary>What a required text column holds once anonymized.</summary>
    public const string TextPlaceholder = "[anonymized]";

    private readonly IReadOnlyEntityType entityType;

    /// <summary>Creates the values for one entity type of a finished model.</summary>
    /// <param name="entityType">The entity type being anonymized.</param>
    /// <param name="anonymizedAt">The moment stamped into <see cref="AnonymizedAtProperty"/>.</param>
    public AnonymizedValues(IReadOnlyEntityType entityType, DateTimeOffset anonymizedAt)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        this.entityType = entityType;
        AnonymizedAt = anonymizedAt;
    }

    /// <summary>The moment stamped into <see cref="AnonymizedAtProperty"/>.</summary>
    public DateTimeOffset? AnonymizedAt { get; }

    /// <summary>Whether the model maps the property (a property the model ignores is left alone).</summary>
    /// <param name="propertyName">The CLR property name.</param>
    /// <returns>True when the property is mapped.</returns>
    public bool IsMapped(string propertyName) => entityType.FindProperty(propertyName) is not null;

    /// <summary>The value an anonymized row holds in the property: null when the column allows it, else a placeholder.</summary>
    /// <typeparam name="T">The property's CLR type.</typeparam>
    /// <param name="propertyName">The CLR property name.</param>
    /// <returns>The anonymized value.</returns>
    public T For<T>(string propertyName)
    {
        var property = entityType.FindProperty(propertyName)
            ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{propertyName} is not mapped, so it cannot be anonymized.");
        if (property.IsNullable)
        {
            return default!;
        }

        return (T)Placeholder(property, typeof(T));
    }

    /// <summary>The anonymized value of a property, for callers that set it through the change tracker.</summary>
    internal object? ValueFor(string propertyName)
    {
        var property = entityType.FindProperty(propertyName)
            ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{propertyName} is not mapped, so it cannot be anonymized.");
        return property.IsNullable ? null : Placeholder(property, property.ClrType);
    }

    private object Placeholder(IReadOnlyProperty property, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            // A short column gets as much of the placeholder as fits; an encrypted column's length is the
            // ciphertext's, which always has room.
            var maxLength = property.GetValueConverter() is null ? property.GetMaxLength() : null;
            return maxLength is int length && length < TextPlaceholder.Length ? TextPlaceholder[..length] : TextPlaceholder;
        }

        if (underlying == typeof(byte[]))
        {
            return Array.Empty<byte>();
        }

        if (underlying == typeof(DateTime))
        {
            return DateTime.UnixEpoch;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return DateTimeOffset.UnixEpoch;
        }

        if (underlying.IsValueType)
        {
            return Activator.CreateInstance(underlying)!;
        }

        throw new InvalidOperationException(
            $"{entityType.DisplayName()}.{property.Name} is required and of type {type.Name}, which has no anonymized placeholder; make the property nullable so anonymization can clear it.");
    }
}
