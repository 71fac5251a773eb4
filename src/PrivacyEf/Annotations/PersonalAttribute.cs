using System.ComponentModel;
using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyEf;

/// <summary>
/// Marks a property as personal data. The same annotation drives encryption, masking and redaction in
/// PrivacyEf and, because it is a <see cref="DataClassificationAttribute"/>, log redaction in
/// <c>Microsoft.Extensions.Compliance</c>.
/// </summary>
/// <remarks>
/// On a parameter it only classifies the parameter, for log redaction (a <c>[LoggerMessage]</c> method's argument).
/// On a positional record parameter write <c>[property: Personal(...)]</c>: without the target the property would
/// not be personal, so the generator refuses it (PRIV018).
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class PersonalAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the property as personal data of the given category.</summary>
    /// <param name="category">The kind of personal data the property holds.</param>
    public PersonalAttribute(PersonalDataCategory category)
        : base(PrivacyTaxonomy.For(category))
    {
        Category = category;
    }

    /// <summary>
    /// Classifies as <see cref="PrivacyTaxonomy.Uncategorized"/> personal data, for log generators only: the
    /// <c>[LoggerMessage]</c> generator of Microsoft.Extensions.Telemetry creates every classification attribute
    /// without its arguments, so each <c>[Personal(...)]</c> it logs becomes this. On an entity property name a
    /// category (PRIV019).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public PersonalAttribute()
        : base(PrivacyTaxonomy.Uncategorized)
    {
        Category = PersonalDataCategory.Other;
    }

    /// <summary>The kind of personal data the property holds.</summary>
    public PersonalDataCategory Category { get; }

    /// <summary>Stores the value encrypted at rest (AES-256-GCM). Allowed on <c>string</c> and <c>byte[]</c> properties.</summary>
    public bool Encrypt { get; set; }

    /// <summary>Keeps a blind index beside the ciphertext so equality lookups still work. Requires <see cref="Encrypt"/>.</summary>
    public bool Searchable { get; set; }

    /// <summary>How the value is shown to readers who may not see it.</summary>
    public MaskStyle Mask { get; set; }

    /// <summary>Removes card numbers, national identifiers, passwords and similar data from the text before it is saved. Allowed on <c>string</c> properties.</summary>
    public bool Redact { get; set; }
}
