using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using PrivacyEf.Kernel;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>The state one purge run shares with the batches of every entity type.</summary>
internal sealed class PurgeRun(DbContext context, ISqlDialect dialect, IBulkWritePreparation? writePreparation, PurgeOptions options, DateTimeOffset now, ILogger logger, bool holdsRunLock)
{
    public DbContext Context { get; } = context;

    public PurgeOptions Options { get; } = options;

    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// Serializes batches with other purgers of the database. A run that holds the run lock skips it: no other
    /// single runner is active, and each statement re-checks eligibility, so a cooperative purger running beside it
    /// still never processes a row twice.
    /// </summary>
    public Task LockBatchAsync(CancellationToken cancellationToken) =>
        holdsRunLock ? Task.CompletedTask : RetentionLocks.LockBatchAsync(dialect, Context, cancellationToken);

    /// <summary>
    /// Anonymizing writes placeholders through the columns' value converters, and an encrypting converter needs the
    /// active data key, which PrivacyEf otherwise makes ready in SaveChanges (which ExecuteUpdate bypasses).
    /// </summary>
    public async Task PrepareEncryptedWritesAsync(IEntityType entityType, CancellationToken cancellationToken)
    {
        if (writePreparation is null
            || PrivacyMetadata.Of(entityType) is not { } metadata
            || !metadata.Properties.Any(p => p.Encrypt && entityType.FindProperty(p.Name) is not null))
        {
            return;
        }

        await writePreparation.PrepareAsync(Context, cancellationToken).ConfigureAwait(false);
    }

    public static void RecordBatch(string entity, RetentionAction action, long rows)
    {
        var tag = new KeyValuePair<string, object?>(RetentionTelemetry.EntityTag, entity);
        if (action == RetentionAction.Delete)
        {
            RetentionTelemetry.RowsPurged.Add(rows, tag);
        }
        else
        {
            RetentionTelemetry.RowsAnonymized.Add(rows, tag);
        }
    }

    public void RecordRefusal<TKey>(string entity, TKey key, Exception exception) =>
        RetentionLog.RowRefused(logger, exception, entity, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "null");

    public Task PauseAsync(CancellationToken cancellationToken) =>
        Options.PauseBetweenBatches > TimeSpan.Zero ? Task.Delay(Options.PauseBetweenBatches, cancellationToken) : Task.CompletedTask;
}
