namespace PrivacyEf;

/// <summary>One personal property in the record of processing.</summary>
/// <param name="Name">The property.</param>
/// <param name="Column">The column it is stored in (null for non-relational stores).</param>
/// <param name="Category">Its personal data category.</param>
/// <param name="Encrypted">Whether it is encrypted at rest.</param>
/// <param name="Searchable">Whether it has a blind index for lookups.</param>
/// <param name="Mask">How readers who may not see it see it (the effective style, never Default).</param>
/// <param name="Redacted">Whether free text is redacted before it is stored.</param>
/// <param name="Purposes">The purposes it may be read for; empty means any purpose.</param>
public sealed record InventoryProperty(
    string Name,
    string? Column,
    PersonalDataCategory Category,
    bool Encrypted,
    bool Searchable,
    MaskStyle Mask,
    bool Redacted,
    IReadOnlyList<string> Purposes);
