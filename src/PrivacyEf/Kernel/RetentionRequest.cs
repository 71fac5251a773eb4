namespace PrivacyEf;

/// <summary>What a retention participant needs to know about the run it is part of.</summary>
/// <param name="Now">The moment retention periods are measured against.</param>
/// <param name="DryRun">Whether the run only counts what it would delete or anonymize.</param>
/// <param name="BatchSize">The run's batch size, for participants that work in batches.</param>
public sealed record RetentionRequest(DateTimeOffset Now, bool DryRun, int BatchSize);
