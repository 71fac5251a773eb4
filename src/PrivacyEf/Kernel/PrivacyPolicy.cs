namespace PrivacyEf.Kernel;

/// <summary>
/// The purposes and grants an application declared with <c>PrivacyOptions.Grant</c> and <c>PrivacyOptions.Purpose</c>:
/// access decides with them, the inventory describes them.
/// </summary>
internal sealed class PrivacyPolicy
{
    private readonly List<PrivacyGrant> grants = [];
    private readonly Dictionary<string, PurposeOptions> purposes = new(StringComparer.Ordinal);

    /// <summary>The purposes configured explicitly, by name.</summary>
    public IReadOnlyDictionary<string, PurposeOptions> Purposes => purposes;

    /// <summary>The grants, in the order they were declared.</summary>
    public IReadOnlyList<PrivacyGrant> Grants => grants;

    /// <summary>Every purpose the application names, in a grant or explicitly.</summary>
    public IEnumerable<string> DeclaredPurposes => grants.Select(g => g.Purpose).Concat(purposes.Keys).Distinct(StringComparer.Ordinal);

    /// <summary>The description of a purpose, or null.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>Its description, or null when none was configured.</returns>
    public string? DescriptionOf(string purpose) => purposes.TryGetValue(purpose, out var configured) ? configured.Description : null;

    public void AddGrant(PrivacyGrant grant) => grants.Add(grant);

    public PurposeOptions Purpose(string name)
    {
        if (!purposes.TryGetValue(name, out var purpose))
        {
            purpose = new PurposeOptions(name);
            purposes.Add(name, purpose);
        }

        return purpose;
    }
}
