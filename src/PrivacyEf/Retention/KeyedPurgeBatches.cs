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
/// lock and runs one statement on the eligible rows whose key is among the next <see cref="PurgeOptions.BatchSize"/>
/// eligible keys, in its own transaction, so a purge stopped anywhere leaves every row either untouched or fully
/// processed. When the database refuses a batch, its rows are retried one by one and the refused keys reported.
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
            var candidates = refused.Count == 0 ? eligible : eligible.Where(Not(In(refused)));
            var batchKeys = candidates.OrderBy(keySelector).Select(keySelector).Take(run.Options.BatchSize);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    // One statement per batch: DELETE/UPDATE ... WHERE key IN (SELECT key ... ORDER BY key LIMIT n),
                    // the shape of a hand-written batched purge.
                    await run.LockBatchAsync(cancellationToken).ConfigureAwait(false);
                    var affected = await ApplyAsync(eligible.Where(In(batchKeys)), anonymize, values, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    if (affected == 0)
                    {
                        break;
                    }

                    processed += affected;
                    batches++;
                    PurgeRun.RecordBatch(name, action, affected);
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
            var keys = await batchKeys.ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var single = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (single.ConfigureAwait(false))
                {
                    try
                    {
                        await run.LockBatchAsync(cancellationToken).ConfigureAwait(false);
                        var done = await ApplyAsync(eligible.Where(In(new List<TKey> { key })), anonymize, values, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Deletes or anonymizes <paramref name="batch"/>: eligible rows by key, so a row put on legal hold since is left alone.</summary>
    private Task<int> ApplyAsync(IQueryable<TEntity> batch, bool anonymize, AnonymizedValues values, CancellationToken cancellationToken)
    {
        if (!anonymize)
        {
            return batch.ExecuteDeleteAsync(cancellationToken);
        }

        var setters = purge.Anonymize!;
        return batch.ExecuteUpdateAsync(s => setters(s, values), cancellationToken);
    }

    /// <summary>The rows whose key is in <paramref name="keys"/>: a parameter (a list) or a subquery (a query).</summary>
    private Expression<Func<TEntity, bool>> In(IEnumerable<TKey> keys)
    {
        Expression<Func<TKey, bool>> contains = keys is IQueryable<TKey> query
            ? key => query.Contains(key)
            : key => keys.Contains(key);

        // A parameter of its own: the subquery's lambdas use the shared one, and EF rewrites parameters by identity.
        var row = Expression.Parameter(typeof(TEntity), "row");
        var keyOfRow = ReplacingExpressionVisitor.Replace(entity, row, keySelector.Body);
        var body = ReplacingExpressionVisitor.Replace(contains.Parameters[0], keyOfRow, contains.Body);
        return Expression.Lambda<Func<TEntity, bool>>(body, row);
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
