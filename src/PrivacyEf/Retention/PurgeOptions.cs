namespace PrivacyEf;

/// <summary>How one purge runs.</summary>
public sealed class PurgeOptions
{
    /// <summary>The rows one batch (one transaction) deletes or anonymizes at most. Default: 1000.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Counts what a purge would do and changes nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The moment retention periods are measured against; default: now, from <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The clock that gives "now" when <see cref="Now"/> is not set; default: the application's.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Which entity types (by CLR type) to purge; default: every entity type with a retention rule.</summary>
    public Func<Type, bool>? EntityFilter { get; init; }

    /// <summary>
    /// Whether this run first takes the database-wide purge lock, so that of several instances only one runs at a
    /// time (the others return a skipped report). Default: true. Batches are safe to run concurrently either way.
    /// </summary>
    public bool SingleRunner { get; init; } = true;

    /// <summary>A purge that touches a very slow database can be slowed down per batch, to spare it (and to test).</summary>
    public TimeSpan PauseBetweenBatches { get; init; }

    internal void Validate()
    {
        if (BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "PurgeOptions.BatchSize must be positive.");
        }

        if (PauseBetweenBatches < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PauseBetweenBatches), PauseBetweenBatches, "PurgeOptions.PauseBetweenBatches cannot be negative.");
        }
    }
}
