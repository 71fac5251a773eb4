using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyEf.Access;
using PrivacyEf;
using PrivacyEf.Access.Logging;
using PrivacyEf.Kernel;

namespace Microsoft.EntityFrameworkCore;

/// <summary>The access log of a context's database: flush, verify, purge.</summary>
public static class PrivacyAccessLogDbContextExtensions
{
    /// <summary>Waits until every disclosure queued so far (by any context of this application) is written to its database.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the queue is written; it fails when a write failed since the last flush.</returns>
    public static Task FlushAccessLogAsync(this DbContext context, CancellationToken cancellationToken = default) =>
        AccessOf(context).Writer.FlushAsync(cancellationToken);

    /// <summary>Reads the whole access log of the context's database and checks its hash chain.</summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the log is intact and, if not, where it breaks.</returns>
    public static Task<AccessLogVerification> VerifyAccessLogAsync(this DbContext context, CancellationToken cancellationToken = default) =>
        VerifyAccessLogAsync(context, anchor: null, cancellationToken);

    /// <summary>
    /// Checks the hash chain and that the log still holds, unchanged, the head an earlier verification saw: entries
    /// cut off the end, or a chain rewritten from some point on, no longer contain that head.
    /// </summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="anchor">An earlier verification, kept outside this database; null checks the chain alone.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the log is intact and, if not, where it breaks.</returns>
    public static async Task<AccessLogVerification> VerifyAccessLogAsync(this DbContext context, AccessLogVerification? anchor, CancellationToken cancellationToken = default)
    {
        AccessOf(context);
        var entries = await context.Set<PrivacyAccessLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            // A log that ever held entries is never empty again: its own purge leaves a marker entry behind. So an
            // anchor with a head and no entries at all means the log was emptied.
            return anchor is { HeadSequence: > 0 }
                ? new AccessLogVerification(false, 0, anchor.HeadSequence, string.Create(CultureInfo.InvariantCulture, $"The log is empty, but the anchor saw entries up to {anchor.HeadSequence}."), 0, AccessLogChain.GenesisHash)
                : new AccessLogVerification(true, 0, null, null, 0, AccessLogChain.GenesisHash);
        }

        var head = entries[^1];
        AccessLogVerification Broken(long sequence, string problem) => new(false, entries.Count, sequence, problem, head.Sequence, head.Hash);

        var first = entries[0];
        if (first.Sequence == 1 && first.PreviousHash != AccessLogChain.GenesisHash)
        {
            return Broken(1, "The first entry does not start the chain.");
        }

        if (first.Sequence > 1 && !entries.Exists(e => e.PurgedThrough >= first.Sequence - 1))
        {
            return Broken(first.Sequence, string.Create(CultureInfo.InvariantCulture, $"Entries before {first.Sequence} are missing and no purge of the log removed them."));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (i > 0 && entry.Sequence != entries[i - 1].Sequence + 1)
            {
                return Broken(entries[i - 1].Sequence + 1, string.Create(CultureInfo.InvariantCulture, $"Entry {entries[i - 1].Sequence + 1} is missing."));
            }

            if (i > 0 && entry.PreviousHash != entries[i - 1].Hash)
            {
                return Broken(entry.Sequence, string.Create(CultureInfo.InvariantCulture, $"Entry {entry.Sequence} does not follow entry {entries[i - 1].Sequence}."));
            }

            if (AccessLogChain.ComputeHash(entry) != entry.Hash)
            {
                return Broken(entry.Sequence, string.Create(CultureInfo.InvariantCulture, $"Entry {entry.Sequence} was altered: its content does not match its hash."));
            }
        }

        if (anchor is { HeadSequence: > 0 } && !entries.Exists(e => e.Sequence == anchor.HeadSequence && e.Hash == anchor.HeadHash)
            && !entries.Exists(e => e.PurgedThrough >= anchor.HeadSequence))
        {
            return Broken(anchor.HeadSequence, string.Create(CultureInfo.InvariantCulture, $"Entry {anchor.HeadSequence}, the head of the anchor, is gone or was rewritten."));
        }

        return new AccessLogVerification(true, entries.Count, null, null, head.Sequence, head.Hash);
    }

    /// <summary>
    /// Deletes access log entries older than <see cref="PrivacyEf.PrivacyOptions.AccessLogRetention"/> (365 days unless configured).
    /// The purge itself is logged as a chained entry that names the last sequence it removed, so the shortened log still verifies.
    /// </summary>
    /// <param name="context">A context that uses PrivacyEf.</param>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many entries were deleted.</returns>
    public static async Task<int> PurgeAccessLogAsync(this DbContext context, CancellationToken cancellationToken = default)
    {
        var access = AccessOf(context);
        await access.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        var now = AccessLogChain.Normalize(access.TimeProvider.GetUtcNow());
        var cutoff = now - access.Policy.Options.AccessLogRetention;
        var sink = new AccessLogSink(context.GetType(), context.Database.GetConnectionString(), context.GetService<IDbContextOptions>());
        var writer = AccessLogAppender.CreateContext(sink);
        await using (writer.ConfigureAwait(false))
        {
            var transaction = await writer.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The append lock first: no other process appends between the purge's reads and its marker entry.
                var dialect = access.Dialects.Find(writer);
                if (dialect is not null)
                {
                    await dialect.LockForTransactionAsync(writer, AccessLogLocks.Append, cancellationToken).ConfigureAwait(false);
                }

                var log = writer.Set<PrivacyAccessLogEntry>();
                var purgedThrough = await log.Where(e => e.OccurredAt < cutoff).MaxAsync(e => (long?)e.Sequence, cancellationToken).ConfigureAwait(false);
                if (purgedThrough is not long last)
                {
                    return 0;
                }

                var count = await log.CountAsync(e => e.Sequence <= last, cancellationToken).ConfigureAwait(false);
                var marker = new PrivacyAccessLogEntry
                {
                    OccurredAt = now,
                    Actor = "PrivacyEf",
                    Purpose = "retention",
                    Reason = string.Create(CultureInfo.InvariantCulture, $"access log retention of {access.Policy.Options.AccessLogRetention.TotalDays:0.##} days"),
                    Entity = nameof(PrivacyAccessLogEntry),
                    RowCount = count,
                    PurgedThrough = last,
                };
                await AccessLogAppender.AppendAsync(writer, dialect, [marker], cancellationToken).ConfigureAwait(false);
                var deleted = await log.Where(e => e.Sequence <= last).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return deleted;
            }
        }
    }

    internal static AccessRuntime AccessOf(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PrivacyKernel.Of(context).Get<AccessRuntime>();
    }
}
