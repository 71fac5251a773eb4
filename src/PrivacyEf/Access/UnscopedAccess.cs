namespace PrivacyEf;

/// <summary>What a read of personal data outside any access scope may see.</summary>
public enum UnscopedAccess
{
    /// <summary>Nothing personal: every personal value is treated as denied (masked, or an exception with <see cref="AccessDeniedBehavior.Throw"/>).</summary>
    Deny = 0,

    /// <summary>Everything, as if a system scope were open; such reads are still written to the access log.</summary>
    Disclose = 1,
}
