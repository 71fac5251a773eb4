namespace PrivacyEf.Access;

/// <summary>The least-privilege part of <see cref="PrivacyOptions"/>, which forwards its access settings here.</summary>
internal sealed class AccessOptions
{
    public AccessDeniedBehavior OnDenied { get; set; } = AccessDeniedBehavior.Mask;

    public UnscopedAccess WithoutScope { get; set; } = UnscopedAccess.Deny;

    public bool AllowConditionsOnHiddenValues { get; set; }

    public UnscopedWrites WritesWithoutScope { get; set; } = UnscopedWrites.Deny;

    public string AccessLogTableName { get; set; } = "privacy_access_log";

    public bool AccessLogEnabled { get; set; } = true;

    public TimeSpan AccessLogRetention { get; set; } = TimeSpan.FromDays(365);

    public AccessLogDurability AccessLogDurability { get; set; } = AccessLogDurability.Asynchronous;

    public int AccessLogQueueCapacity { get; set; } = 10_000;

    public string ConsentTableName { get; set; } = "privacy_consents";
}
