using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Metadata;

namespace PrivacyEf.Retention;

/// <summary>
/// Deletes or anonymizes the expired rows of one entity type, batch by batch: each batch takes the batch
/// lock, selects up to <see cref="PurgeOptions.BatchSize"/> keys and deletes or updates exactly those rows in
/// one transaction, so a purge stopped anywhere leaves every row either untouched or fully processed.
/// </summary>
internal sealed class KeyedPurgeBatches<TEntity, TKey> : EntityPurgeBatches<TEntity>
    where TEntity : class
{
    private readonly RetentionPurge<TEntity> purge;
    private readonly ParameterExpression entity = Expression.Parameter(typeof(TEntity), "entity");
    private readonly Expression<Func<TEntity, TKey>> keySelector;

    public KeyedPurgeBatches(RetentionPurge<TEntity> purge, string keyProperty)
    {
        this.purge = purge;
        var keyAccess = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], entity, Expression.Constant(keyProperty));
        keySelector = Expression.Lambda<Func<TEntity, TKey>>(keyAccess, entity);
    }

    public override async Task<PurgeEntityReport> RunAsync(PurgeRun run, IEntityType entityType, RetentionMetadata retention, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var db = run.Context;
        var cutoff = run.Now.AddDays(-retention.Days);
        var anonymize = retention.Action == RetentionAction.Anonymize;
        if (anonymize && purge.Anonymize is null)
        {
            throw new InvalidOperationException($"{entityType.DisplayName()} is retained with Then = Anonymize but its generated purge has no anonymizing setters; rebuild the project with the current PrivacyEf generator.");
        }

        IQueryable<TEntity> expired = db.Set<TEntity>().IgnoreQueryFilters().AsNoTracking().Where(purge.ExpiredBefore(cutoff));
        if (anonymize)
        {
            expired = expired.Where(purge.NotAnonymized!);
        }

        var eligible = expired;
        long held = 0;
        if (purge.OnLegalHold is { } onHold)
        {
            held = await expired.Where(onHold).LongCountAsync(cancellationToken).ConfigureAwait(false);
            eligible = expired.Where(Expression.Lambda<Func<TEntity, bool>>(Expression.Not(onHold.Body), onHold.Parameters));
        }

        var action = retention.Action;
        var name = entityType.ClrType.Name;
        if (run.Options.DryRun)
        {
            var wouldPurge = await eligible.LongCountAsync(cancellationToken).ConfigureAwait(false);
            var wouldBatches = (int)((wouldPurge + run.Options.BatchSize - 1) / run.Options.BatchSize);
            return new PurgeEntityReport(name, action, cutoff, wouldPurge, held, wouldBatches, Stopwatch.GetElapsedTime(started), []);
        }

        if (anonymize)
        {
            await run.PrepareEncryptedWritesAsync(entityType, cancellationToken).ConfigureAwait(false);
        }

        var values = new AnonymizedValues(entityType, run.Now);
        var refused = new List<TKey>();
        var failures = new List<PurgeFailure>();
        long processed = 0;
        var batches = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<TKey> keys;
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await run.LockBatchAsync(cancellationToken).ConfigureAwait(false);
                var candidates = refused.Count == 0 ? eligible : eligible.Where(Not(In(refused)));
                keys = await candidates.OrderBy(keySelector).Select(keySelector).Take(run.Options.BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (keys.Count == 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    break;
                }

                try
                {
                    processed += await ApplyAsync(eligible, keys, anonymize, values, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    batches++;
                    PurgeRun.RecordBatch(name, action, keys.Count);
                    await run.PauseAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (Exception ex) when (IsRefusal(ex, cancellationToken))
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            // The database refused the batch: go through its rows one at a time, to keep the rows it accepts
            // and report each row it refuses, by key.
            batches++;
            foreach (var key in keys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var single = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (single.ConfigureAwait(false))
                {
                    try
                    {
                        await run.LockBatchAsync(cancellationToken).ConfigureAwait(false);
                        var done = await ApplyAsync(eligible, [key], anonymize, values, cancellationToken).ConfigureAwait(false);
                        await single.CommitAsync(cancellationToken).ConfigureAwait(false);
                        processed += done;
                        PurgeRun.RecordBatch(name, action, done);
                    }
                    catch (Exception ex) when (IsRefusal(ex, cancellationToken))
                    {
                        await single.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        refused.Add(key);
                        failures.Add(new PurgeFailure(name, Convert.ToString(key, CultureInfo.InvariantCulture) ?? "null", Describe(ex)));
                        run.RecordRefusal(name, key, ex);
                    }
                }
            }
        }

        return new PurgeEntityReport(name, action, cutoff, processed, held, batches, Stopwatch.GetElapsedTime(started), failures);
    }

    private Task<int> ApplyAsync(IQueryable<TEntity> rows, List<TKey> keys, bool anonymize, AnonymizedValues values, CancellationToken cancellationToken)
    {
        // The eligible rows again, not only the keys: a row put on legal hold (or anonymized by another
        // runner) since the keys were read is left alone.
        var batch = rows.Where(In(keys));
        if (!anonymize)
        {
            return batch.ExecuteDeleteAsync(cancellationToken);
        }

        var setters = purge.Anonymize!;
        return batch.ExecuteUpdateAsync(s => setters(s, values), cancellationToken);
    }

    /// <summary>The rows whose key is in <paramref name="keys"/>; the list goes to the database as a parameter.</summary>
    private Expression<Func<TEntity, bool>> In(List<TKey> keys)
    {
        Expression<Func<TKey, bool>> contains = key => keys.Contains(key);
        var body = ReplacingExpressionVisitor.Replace(contains.Parameters[0], keySelector.Body, contains.Body);
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    private static Expression<Func<TEntity, bool>> Not(Expression<Func<TEntity, bool>> predicate) =>
        Expression.Lambda<Func<TEntity, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static bool IsRefusal(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is DbException or DbUpdateException;

    private static string Describe(Exception exception)
    {
        var database = exception as DbException ?? exception.InnerException as DbException;
        return (database ?? exception).Message.ReplaceLineEndings(" ").Trim();
    }
}
