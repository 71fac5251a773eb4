namespace PrivacyEf;

/// <summary>Application-wide PrivacyEf settings, configured once in <c>AddPrivacy</c>.</summary>
public sealed class PrivacyOptions
{
    private readonly List<PrivacyGrant> grants = [];
    private readonly Dictionary<string, PurposeOptions> purposes = new(StringComparer.Ordinal);

    /// <summary>The table that holds the wrapped data keys, in every database the application writes encrypted data to.</summary>
    public string KeyTableName { get; set; } = "privacy_data_keys";

    /// <summary>What a read of personal data the scope may not see gives: a masked value (the default) or a <see cref="PrivacyAccessDeniedException"/>.</summary>
    public AccessDeniedBehavior OnDenied { get; set; } = AccessDeniedBehavior.Mask;

    /// <summary>What a read outside any access scope may see: nothing personal (the default) or everything.</summary>
    public UnscopedAccess WithoutScope { get; set; } = UnscopedAccess.Deny;

    /// <summary>The table that holds the hash-chained access log, in every database read through an access scope.</summary>
    public string AccessLogTableName { get; set; } = "privacy_access_log";

    /// <summary>Whether disclosures of personal data are written to the access log.</summary>
    public bool AccessLogEnabled { get; set; } = true;

    /// <summary>How long access log entries are kept before <c>PurgeAccessLogAsync</c> deletes them.</summary>
    public TimeSpan AccessLogRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The table that holds consent grants and revocations, in the same database as the data.</summary>
    public string ConsentTableName { get; set; } = "privacy_consents";

    /// <summary>The purposes configured with <see cref="Purpose"/>, by name.</summary>
    public IReadOnlyDictionary<string, PurposeOptions> Purposes => purposes;

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

    /// <summary>Configures a purpose, for example to make reads for it require the data subject's consent.</summary>
    /// <param name="name">The purpose, as used in access scopes and <see cref="PurposeAttribute"/>.</param>
    /// <returns>The purpose's options, created on first use.</returns>
    public PurposeOptions Purpose(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!purposes.TryGetValue(name, out var purpose))
        {
            purpose = new PurposeOptions(name);
            purposes.Add(name, purpose);
        }

        return purpose;
    }
}
