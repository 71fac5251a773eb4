using System.ComponentModel;
namespace PrivacyEf.Internal;

/// <summary>
/// Everything PrivacyEf knows about one annotated entity type, produced at compile time by the generator
/// (no reflection over attributes at run time).
/// </summary>
/// <param name="ClrType">The entity's CLR type.</param>
/// <param name="Properties">The personal properties.</param>
/// <param name="Purposes">The purposes declared on the class; empty when the class declares none.</param>
/// <param name="Retention">The retention rule, or null when the entity has none.</param>
/// <param name="DataSubjectProperty">The property marked <see cref="DataSubjectAttribute"/>, or null.</param>
/// <param name="LegalHoldProperty">The property marked <see cref="LegalHoldAttribute"/>, or null.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record PrivacyEntityMetadata(
    Type ClrType,
    IReadOnlyList<PrivacyPropertyMetadata> Properties,
    IReadOnlyList<string> Purposes,
    RetentionMetadata? Retention,
    string? DataSubjectProperty,
    string? LegalHoldProperty)
{
    /// <summary>
    /// The generated typed purge of an entity with a retention rule, which <c>PurgeExpiredAsync</c> runs; null
    /// when the entity has no retention rule (or its metadata was written by a generator that predates it).
    /// </summary>
    public RetentionPurge? Purge { get; init; }

    /// <summary>
    /// The kind of data subject <see cref="DataSubjectProperty"/> links to, as <c>[DataSubject(typeof(Customer))]</c>
    /// names it; null when the attribute names none (then the navigation, or the model's only kind, tells).
    /// </summary>
    public Type? DataSubjectKind { get; init; }

    /// <summary>The personal property of the given name, or null.</summary>
    /// <param name="propertyName">The CLR property name.</param>
    /// <returns>The property's metadata, or null when it is not personal.</returns>
    public PrivacyPropertyMetadata? FindProperty(string propertyName)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, propertyName, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The purposes that govern a property: its own, else its class's; empty means any purpose.</summary>
    /// <param name="property">A property of this entity.</param>
    /// <returns>The effective purposes.</returns>
    public IReadOnlyList<string> EffectivePurposes(PrivacyPropertyMetadata property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.Purposes.Count > 0 ? property.Purposes : Purposes;
    }
}
