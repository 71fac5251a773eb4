namespace PrivacyEf.Kernel;

/// <summary>What a fluent <c>IsPersonal</c> says about a property: the same facts as <see cref="PersonalAttribute"/>.</summary>
/// <param name="Category">The personal data category.</param>
/// <param name="Encrypt">Whether the value is encrypted at rest.</param>
/// <param name="Searchable">Whether equality lookups go through a blind index.</param>
/// <param name="Mask">How the value is masked for readers who may not see it.</param>
/// <param name="Redact">Whether free text is redacted before it is saved.</param>
internal sealed record PersonalDeclaration(PersonalDataCategory Category, bool Encrypt, bool Searchable, MaskStyle Mask, bool Redact);
