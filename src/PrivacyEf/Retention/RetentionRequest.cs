namespace PrivacyEf.Retention;

/// <summary>What a retention participant needs to know about the run it is part of.</summary>
/// <param name="Now">The moment retention periods are measured against.</param>
/// <param name="Options">The run's options (dry run, batch size).</param>
public sealed record RetentionRequest(DateTimeOffset Now, PurgeOptions Options);
