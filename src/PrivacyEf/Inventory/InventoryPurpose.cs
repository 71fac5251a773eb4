namespace PrivacyEf;

/// <summary>A purpose personal data is processed for, with what it covers.</summary>
/// <param name="Name">The purpose.</param>
/// <param name="Description">What it means, from <c>o.Purpose(name).Describe(...)</c>; null when undescribed.</param>
/// <param name="Notice">A plain-language notice: what is kept for it, and for how long.</param>
public sealed record InventoryPurpose(string Name, string? Description, string Notice);
