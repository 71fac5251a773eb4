using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Internal;

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
    /// <summary>Integer keys batch by key range; other keys (GUIDs, strings) by an IN subquery.</summary>
    private static readonly bool OrderedKeys = typeof(TKey) == typeof(int) || typeof(TKey) == typeof(long) || typeof(TKey) == typeof(short);

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
        var batchSize = run.Options.BatchSize;
        var refused = new List<TKey>();
        var failures = new List<PurgeFailure>();
        StrongBox<TKey>? after = null;
        long processed = 0;
        var batches = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = eligible;
            if (after is not null)
            {
                remaining = remaining.Where(Compare(ExpressionType.GreaterThan, after.Value!));
            }

            if (refused.Count > 0)
            {
                remaining = remaining.Where(Not(In(refused)));
            }

            IQueryable<TEntity> batch;
            var lastBatch = false;
            TKey upper = default!;
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    await run.LockBatchAsync(cancellationToken).ConfigureAwait(false);
                    if (OrderedKeys)
                    {
                        // Keyset batches: the batch is the key range up to the batch-th remaining key, so each
                        // statement seeks from where the last one ended instead of scanning past processed rows.
                        var bounds = await remaining.OrderBy(keySelector).Select(keySelector).Skip(batchSize - 1).Take(1)
                            .ToListAsync(cancellationToken).ConfigureAwait(false);
                        lastBatch = bounds.Count == 0;
                        upper = lastBatch ? default! : bounds[0];
                        batch = lastBatch ? remaining : remaining.Where(Compare(ExpressionType.LessThanOrEqual, upper));
                    }
                    else
                    {
                        // DELETE/UPDATE ... WHERE key IN (SELECT key ... ORDER BY key LIMIT n).
                        batch = remaining.Where(In(remaining.OrderBy(keySelector).Select(keySelector).Take(batchSize)));
                    }

                    var affected = await ApplyAsync(batch, anonymize, values, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    if (affected > 0)
                    {
                        processed += affected;
                        batches++;
                        PurgeRun.RecordBatch(name, action, affected);
                    }

                    if (lastBatch || (!OrderedKeys && affected == 0))
                    {
                        break;
                    }

                    after = OrderedKeys ? new StrongBox<TKey>(upper) : null;
                    await run.PauseAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (Exception ex) when (IsRefusal(ex, cancellationToken))
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    batch = OrderedKeys
                        ? (lastBatch ? remaining : remaining.Where(Compare(ExpressionType.LessThanOrEqual, upper)))
                        : remaining.Where(In(remaining.OrderBy(keySelector).Select(keySelector).Take(batchSize)));
                }
            }

            // The database refused the batch: go through its rows one at a time, to keep the rows it accepts
            // and report each row it refuses, by key.
            batches++;
            var keys = await batch.OrderBy(keySelector).Select(keySelector).ToListAsync(cancellationToken).ConfigureAwait(false);
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
                        if (!OrderedKeys)
                        {
                            refused.Add(key);
                        }

                        failures.Add(new PurgeFailure(name, Convert.ToString(key, CultureInfo.InvariantCulture) ?? "null", Describe(ex)));
                        run.RecordRefusal(name, key, ex);
                    }
                }
            }

            if (lastBatch)
            {
                break;
            }

            after = OrderedKeys ? new StrongBox<TKey>(upper) : after;
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

    /// <summary>The rows whose key compares with <paramref name="bound"/> (sent as a parameter) as <paramref name="comparison"/> says.</summary>
    private Expression<Func<TEntity, bool>> Compare(ExpressionType comparison, TKey bound)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var keyOfRow = ReplacingExpressionVisitor.Replace(entity, row, keySelector.Body);
        var value = Expression.Field(Expression.Constant(new StrongBox<TKey>(bound)), nameof(StrongBox<TKey>.Value));
        return Expression.Lambda<Func<TEntity, bool>>(Expression.MakeBinary(comparison, keyOfRow, value), row);
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
