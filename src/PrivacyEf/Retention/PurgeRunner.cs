using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PrivacyEf.Kernel;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>Runs the generated purge of every retained entity type of a context's model, dependents first.</summary>
internal static class PurgeRunner
{
    public static async Task<PurgeReport> RunAsync(DbContext context, PurgeOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        if (!context.Database.IsRelational())
        {
            throw new InvalidOperationException(
                $"PurgeExpiredAsync deletes and anonymizes with set-based SQL (ExecuteDelete, ExecuteUpdate), which the provider {context.Database.ProviderName} does not run; use a relational provider.");
        }

        // The purge reads and rewrites personal columns (anonymization, retention dates): as the system, like
        // erasure and re-encryption, whatever scope the caller has open, and logged with this reason.
        using var system = Privacy.System("retention purge");
        var started = Stopwatch.GetTimestamp();
        var contextOptions = context.GetService<IDbContextOptions>();
        var kernel = PrivacyKernel.Of(context);
        var dialect = kernel.Get<SqlDialects>().Require(context, nameof(RetentionDbContextExtensions.PurgeExpiredAsync), RetentionLocks.DialectNeeds);
        var now = options.Now ?? (options.TimeProvider ?? kernel.Clock).GetUtcNow();
        var logger = (context.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("PrivacyEf.Retention");

        using var activity = RetentionTelemetry.ActivitySource.StartActivity(RetentionTelemetry.PurgeActivityName);
        activity?.SetTag("privacyef.purge.now", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("privacyef.purge.dry_run", options.DryRun);
        activity?.SetTag("db.system", context.Database.ProviderName);

        var runLock = options.SingleRunner && !options.DryRun
            ? await RetentionLocks.TryAcquireRunLockAsync(dialect, context, cancellationToken).ConfigureAwait(false)
            : null;
        if (options.SingleRunner && !options.DryRun && runLock is null)
        {
            const string reason = "another purger holds this database's purge lock";
            RetentionLog.PurgeSkipped(logger, reason);
            activity?.SetTag("privacyef.purge.skipped", true);
            return new PurgeReport(now, options.DryRun, [], Stopwatch.GetElapsedTime(started), reason);
        }

        var reports = new List<PurgeEntityReport>();

        // One connection for the whole run: opening one per batch costs more than a batch on SQLite.
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var run = new PurgeRun(context, dialect, kernel.Get<IBulkWritePreparation>(), options, now, logger, holdsRunLock: runLock is not null);
            foreach (var (entityType, metadata) in RetainedEntityTypes(context.Model, options.EntityFilter))
            {
                var report = await ((IRunnableRetentionPurge)ModelRetentionPurge.For(entityType, metadata)).RunAsync(run, entityType, metadata.Retention!, cancellationToken).ConfigureAwait(false);
                reports.Add(report);
                if (!options.DryRun && report.HeldRows > 0)
                {
                    RetentionTelemetry.RowsHeld.Add(report.HeldRows, new KeyValuePair<string, object?>(RetentionTelemetry.EntityTag, report.Entity));
                }
            }

            foreach (var participant in Participants(contextOptions).Where(p => options.EntityFilter?.Invoke(p.EntityType) ?? true))
            {
                reports.Add(await participant.PurgeAsync(context, new RetentionRequest(now, options.DryRun, options.BatchSize), cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            if (runLock is not null)
            {
                await runLock.DisposeAsync().ConfigureAwait(false);
            }

            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        var result = new PurgeReport(now, options.DryRun, reports, Stopwatch.GetElapsedTime(started));
        activity?.SetTag("privacyef.purge.rows_deleted", result.RowsDeleted);
        activity?.SetTag("privacyef.purge.rows_anonymized", result.RowsAnonymized);
        activity?.SetTag("privacyef.purge.rows_held", result.RowsHeld);
        RetentionLog.PurgeCompleted(logger, now, result.RowsDeleted, result.RowsAnonymized, result.RowsHeld, result.Failures.Count, (long)result.Duration.TotalMilliseconds, options.DryRun);
        return result;
    }

    /// <summary>
    /// The entity types with a retention rule, in <see cref="DependentsFirstOrder"/> (the order erasure uses too):
    /// an entity whose rows reference another retained entity is purged before it.
    /// </summary>
    internal static IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> RetainedEntityTypes(IModel model, Func<Type, bool>? filter)
    {
        var retained = new List<(IEntityType EntityType, PrivacyEntityMetadata Metadata)>();
        foreach (var entityType in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entityType.IsOwned()
                || PrivacyMetadata.Of(entityType) is not { Retention: not null } metadata
                || (filter is not null && !filter(entityType.ClrType)))
            {
                continue;
            }

            // A derived type whose retention rule is its base type's is purged with the base type's rows.
            if (metadata.ClrType != entityType.ClrType && model.FindEntityType(metadata.ClrType) is not null)
            {
                continue;
            }

            retained.Add((entityType, metadata));
        }

        return DependentsFirstOrder.Sort(retained, e => e.EntityType);
    }

    private static IEnumerable<IRetentionParticipant> Participants(IDbContextOptions options) =>
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IEnumerable<IRetentionParticipant>>() ?? [];
}
