using System.Globalization;
using System.Text;

namespace PrivacyEf;

/// <summary>The outcome of one <c>PurgeExpiredAsync</c> run, entity by entity.</summary>
/// <param name="Now">The moment retention periods were measured against.</param>
/// <param name="DryRun">Whether the run only counted.</param>
/// <param name="Entities">One report per entity type (and retention participant), in the order they ran.</param>
/// <param name="Duration">How long the run took.</param>
/// <param name="SkipReason">Why the run did nothing (another instance holds the purge lock), or null when it ran.</param>
public sealed record PurgeReport(
    DateTimeOffset Now,
    bool DryRun,
    IReadOnlyList<PurgeEntityReport> Entities,
    TimeSpan Duration,
    string? SkipReason = null)
{
    /// <summary>Whether the run did nothing because another instance was purging.</summary>
    public bool Skipped => SkipReason is not null;

    /// <summary>Rows deleted (or, in a dry run, that would be).</summary>
    public long RowsDeleted => Entities.Where(e => e.Action == RetentionAction.Delete).Sum(e => e.Rows);

    /// <summary>Rows anonymized (or, in a dry run, that would be).</summary>
    public long RowsAnonymized => Entities.Where(e => e.Action == RetentionAction.Anonymize).Sum(e => e.Rows);

    /// <summary>Expired rows kept because of a legal hold.</summary>
    public long RowsHeld => Entities.Sum(e => e.HeldRows);

    /// <summary>Every row the database refused.</summary>
    public IReadOnlyList<PurgeFailure> Failures => Entities.SelectMany(e => e.Failures).ToArray();

    /// <summary>The report for one entity type, by name, or null.</summary>
    /// <param name="entity">The entity type's name (its CLR type name by default).</param>
    /// <returns>The entity's report, or null when it did not run.</returns>
    public PurgeEntityReport? For(string entity) => Entities.FirstOrDefault(e => string.Equals(e.Entity, entity, StringComparison.Ordinal));

    /// <summary>A table a person reads: one line per entity, then the totals.</summary>
    /// <returns>The report as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"PrivacyEf purge{(DryRun ? " (dry run: nothing changed)" : string.Empty)} at {Now:yyyy-MM-dd HH:mm:ss}Z");
        if (SkipReason is not null)
        {
            text.Append(culture, $": skipped, {SkipReason}");
            return text.ToString();
        }

        text.AppendLine();
        var verbDelete = DryRun ? "would delete" : "deleted";
        var verbAnonymize = DryRun ? "would anonymize" : "anonymized";
        var width = Math.Max(6, Entities.Count == 0 ? 0 : Entities.Max(e => e.Entity.Length));
        text.AppendLine(culture, $"  {"Entity".PadRight(width)}  {"Action",-15}  {"Rows",10}  {"Held",8}  {"Batches",7}  {"Refused",7}  {"Time",9}");
        foreach (var entity in Entities)
        {
            var action = entity.Action == RetentionAction.Delete ? verbDelete : verbAnonymize;
            text.AppendLine(culture, $"  {entity.Entity.PadRight(width)}  {action,-15}  {entity.Rows,10}  {entity.HeldRows,8}  {entity.Batches,7}  {entity.Failures.Count,7}  {entity.Duration.TotalMilliseconds,7:0} ms");
        }

        text.Append(culture, $"  Total: {RowsDeleted} {verbDelete}, {RowsAnonymized} {verbAnonymize}, {RowsHeld} held, {Failures.Count} refused, in {Duration.TotalMilliseconds:0} ms");
        foreach (var kept in Entities.Where(e => e.KeptForDependents > 0))
        {
            text.AppendLine();
            text.Append(culture, $"  {kept.Entity}: {kept.KeptForDependents} kept for rows that reference them (held, kept anonymized, another subject's, or a restricting foreign key)");
        }

        foreach (var failure in Failures.Take(20))
        {
            text.AppendLine();
            text.Append(culture, $"  refused: {failure}");
        }

        return text.ToString();
    }
}
