namespace PrivacyEf;

/// <summary>Allows a role to read personal data of some categories for one purpose.</summary>
/// <param name="Role">The role the grant applies to.</param>
/// <param name="Purpose">The purpose the grant applies to.</param>
/// <param name="Categories">The categories the role may read for that purpose.</param>
public sealed record PrivacyGrant(string Role, string Purpose, IReadOnlyList<PersonalDataCategory> Categories);
