using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// Puts the access log under the retention purge: entries older than <see cref="PrivacyOptions.AccessLogRetention"/>
/// go with every <c>PurgeExpiredAsync</c> run (counted only, in a dry run).
/// </summary>
internal sealed class AccessLogRetentionParticipant : IRetentionParticipant
{
    public Type EntityType => typeof(PrivacyAccessLogEntry);

    public async Task<PurgeEntityReport> PurgeAsync(DbContext context, RetentionRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var retention = PrivacyAccessLogDbContextExtensions.AccessOf(context).Policy.Options.AccessLogRetention;
        var cutoff = request.Now - retention;
        long rows;
        if (request.DryRun)
        {
            var normalizedCutoff = AccessLogChain.Normalize(cutoff);
            rows = await context.Set<PrivacyAccessLogEntry>().LongCountAsync(e => e.OccurredAt < normalizedCutoff && e.PurgedThrough == null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            rows = await context.PurgeAccessLogAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PurgeEntityReport(nameof(PrivacyAccessLogEntry), RetentionAction.Delete, cutoff, rows, HeldRows: 0, Batches: rows > 0 ? 1 : 0, Stopwatch.GetElapsedTime(started), []);
    }
}
