using System.Globalization;

namespace PrivacyEf;

/// <summary>What a purge did (or, in a dry run, would do) to one entity type.</summary>
/// <param name="Entity">The entity type's name (or a retention participant's name).</param>
/// <param name="Action">Delete or anonymize.</param>
/// <param name="Cutoff">Rows whose retention date lies before this moment are expired.</param>
/// <param name="Rows">Rows deleted or anonymized; in a dry run, rows that would be.</param>
/// <param name="HeldRows">Expired rows kept because they are under legal hold.</param>
/// <param name="Batches">Batches (transactions) run; in a dry run, batches that would run.</param>
/// <param name="Duration">How long this entity took.</param>
/// <param name="Failures">Rows the database refused, with their keys.</param>
public sealed record PurgeEntityReport(
    string Entity,
    RetentionAction Action,
    DateTimeOffset Cutoff,
    long Rows,
    long HeldRows,
    int Batches,
    TimeSpan Duration,
    IReadOnlyList<PurgeFailure> Failures)
{
    /// <summary>
    /// Expired rows kept because deleting them would have made the database remove or change rows that stay (under
    /// legal hold, linked to a data subject, retained to be anonymized) or would have been refused by a foreign key.
    /// They are deleted by a later purge, once those rows are gone.
    /// </summary>
    public long KeptForDependents { get; init; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Entity}: {(Action == RetentionAction.Delete ? "deleted" : "anonymized")} {Rows} rows in {Batches} batches, {HeldRows} held, {(KeptForDependents > 0 ? $"{KeptForDependents} kept for rows that reference them, " : "")}{Failures.Count} refused, expired before {Cutoff:yyyy-MM-dd HH:mm:ss}Z, {Duration.TotalMilliseconds:0} ms");
}
