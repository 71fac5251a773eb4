using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// Appends entries to the hash chain of a database's access log. Every append takes the log's append lock for its
/// transaction before it reads the head of the chain (PostgreSQL: a transaction-scoped advisory lock; SQLite: the
/// database's write lock, which its <c>BEGIN IMMEDIATE</c> transactions take at the start), so appends of any number
/// of processes serialize: each one sees the head the one before committed, and no two take the same sequence.
/// </summary>
internal sealed class AccessLogAppender(SqlDialects dialects)
{
    // Contexts made to write the log: their own queries of the log table must not drain a reader's disclosures.
    private static readonly ConditionalWeakTable<DbContext, object> WriterContexts = [];

    public static bool IsWriterContext(DbContext context) => WriterContexts.TryGetValue(context, out _);

    /// <summary>A new context on the sink's database, for writing the log.</summary>
    public static DbContext CreateContext(AccessLogSink sink)
    {
        DbContext context;
        try
        {
            context = (DbContext)Activator.CreateInstance(sink.ContextType, sink.Options)!;
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException(
                $"PrivacyEf writes the access log through a new {sink.ContextType.Name} made with the reading context's options; give {sink.ContextType.Name} a public constructor that takes DbContextOptions<{sink.ContextType.Name}>.",
                exception);
        }

        WriterContexts.AddOrUpdate(context, sink);
        return context;
    }

    /// <summary>
    /// Appends entries to the chain of the context's database, inside the caller's transaction, under the append lock.
    /// Without a dialect (a provider PrivacyEf has no SQL for) the lock is skipped: one process per database is safe,
    /// and colliding processes fail on the sequence's key and retry.
    /// </summary>
    public static async Task AppendAsync(DbContext context, ISqlDialect? dialect, IReadOnlyList<PrivacyAccessLogEntry> entries, CancellationToken cancellationToken)
    {
        if (dialect is not null)
        {
            await dialect.LockForTransactionAsync(context, AccessLogLocks.Append, cancellationToken).ConfigureAwait(false);
        }

        var head = await context.Set<PrivacyAccessLogEntry>()
            .AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AccessLogChain.GenesisHash;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AccessLogChain.ComputeHash(entry);
            previous = entry.Hash;
            context.Add(entry);
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the records to the sink's database in one transaction, retrying what may pass (see
    /// <see cref="AccessLogRetry"/>). Throws the last failure when every try failed or the failure is not worth a retry.
    /// </summary>
    public async Task WriteAsync(AccessLogSink sink, IReadOnlyList<AccessLogRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryWriteAsync(sink, records, cancellationToken).ConfigureAwait(false);
                AccessLogTelemetry.EntriesWritten.Add(records.Count);
                return;
            }
            catch (Exception exception) when (attempt < AccessLogRetry.MaxAttempts && AccessLogRetry.IsRetryable(exception) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(AccessLogRetry.DelayBefore(attempt + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task TryWriteAsync(AccessLogSink sink, IReadOnlyList<AccessLogRecord> records, CancellationToken cancellationToken)
    {
        // New entries on every try: a failed try may have numbered and chained them already.
        var entries = records.Select(r => new PrivacyAccessLogEntry
        {
            OccurredAt = r.OccurredAt,
            Actor = r.Actor,
            Purpose = r.Purpose,
            Reason = r.Reason,
            Entity = r.Entity,
            Properties = string.Join(',', r.Disclosed.Properties),
            SubjectKind = r.Disclosed.SubjectKind,
            SubjectIds = r.Disclosed.JoinedSubjects(),
            RowCount = r.Disclosed.RowCount,
        }).ToList();
        var context = CreateContext(sink);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await AppendAsync(context, dialects.Find(context), entries, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
