namespace PrivacyEf;

/// <summary>Application-wide PrivacyEf settings, configured once in <c>AddPrivacy</c>.</summary>
public sealed class PrivacyOptions
{
    private readonly List<PrivacyGrant> grants = [];

    /// <summary>The table that holds the wrapped data keys, in every database the application writes encrypted data to.</summary>
    public string KeyTableName { get; set; } = "privacy_data_keys";

    /// <summary>How <c>[Personal(Redact = true)]</c> text is redacted: operators per type, ignored types, the application's own recognizers, the pseudonym key.</summary>
    public RedactionOptions Redaction { get; } = new();

    /// <summary>The grants configured with <see cref="Grant"/>.</summary>
    public IReadOnlyList<PrivacyGrant> Grants => grants;

    /// <summary>Allows <paramref name="role"/> to read personal data of the given categories when working for <paramref name="purpose"/>.</summary>
    /// <param name="role">The role, as found in the access scope's roles.</param>
    /// <param name="purpose">The purpose of the access scope.</param>
    /// <param name="categories">The categories the role may read for that purpose.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyOptions Grant(string role, string purpose, params PersonalDataCategory[] categories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Length == 0)
        {
            throw new ArgumentException($"The grant of role '{role}' for purpose '{purpose}' names no personal data category.", nameof(categories));
        }

        grants.Add(new PrivacyGrant(role, purpose, [.. categories]));
        return this;
    }
}
