using System.ComponentModel;
namespace PrivacyEf.Internal;

/// <summary>What the generator read from a <see cref="PersonalAttribute"/> (and <see cref="PurposeAttribute"/>) on one property.</summary>
/// <param name="Name">The CLR property name.</param>
/// <param name="ClrType">The property's CLR type.</param>
/// <param name="Category">The personal data category.</param>
/// <param name="Encrypt">Whether the value is encrypted at rest.</param>
/// <param name="Searchable">Whether equality lookups go through a blind index.</param>
/// <param name="Mask">How the value is masked for readers who may not see it.</param>
/// <param name="Redact">Whether free text is redacted before it is saved.</param>
/// <param name="Purposes">The purposes declared on the property; empty when the property declares none.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record PrivacyPropertyMetadata(
    string Name,
    Type ClrType,
    PersonalDataCategory Category,
    bool Encrypt,
    bool Searchable,
    MaskStyle Mask,
    bool Redact,
    IReadOnlyList<string> Purposes);
