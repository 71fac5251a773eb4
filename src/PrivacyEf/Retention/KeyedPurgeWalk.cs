using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Kernel;

namespace PrivacyEf.Retention;

/// <summary>
/// The purge of one entity type's expired rows, as a keyset walk: each batch takes the batch lock and runs one
/// statement (ExecuteDelete or ExecuteUpdate) on the eligible rows whose key is among the next batch-size eligible
/// keys. When the database refuses a batch, its rows are retried one by one, each in its own transaction, and the
/// refused keys reported.
/// </summary>
/// <typeparam name="TEntity">The retained entity type.</typeparam>
/// <typeparam name="TKey">Its single-property key.</typeparam>
internal sealed class KeyedPurgeWalk<TEntity, TKey> : KeysetWalk<TKey>
    where TEntity : class
{
    /// <summary>Integer keys batch by key range; other keys (GUIDs, strings) by an IN subquery.</summary>
    private static readonly bool OrderedKeys = typeof(TKey) == typeof(int) || typeof(TKey) == typeof(long) || typeof(TKey) == typeof(short);

    private readonly PurgeRun run;
    private readonly Expression<Func<TEntity, TKey>> keySelector;
    private readonly IQueryable<TEntity> eligible;
    private readonly Func<IQueryable<TEntity>, CancellationToken, Task<int>> apply;
    private readonly string entityName;
    private readonly RetentionAction action;
    private readonly List<TKey> refused = [];

    // The bounds of the batch in progress, kept for its row-by-row retry if the database refuses it.
    private bool lastBatch;
    private TKey upper = default!;

    public KeyedPurgeWalk(PurgeRun run, Expression<Func<TEntity, TKey>> keySelector, IQueryable<TEntity> eligible, Func<IQueryable<TEntity>, CancellationToken, Task<int>> apply, string entityName, RetentionAction action)
    {
        this.run = run;
        this.keySelector = keySelector;
        this.eligible = eligible;
        this.apply = apply;
        this.entityName = entityName;
        this.action = action;
    }

    public long Processed { get; private set; }

    public int Batches { get; private set; }

    public List<PurgeFailure> Failures { get; } = [];

    public override async Task<KeysetBatch<TKey>> RunBatchAsync(KeysetPosition<TKey> after, CancellationToken cancellationToken)
    {
        lastBatch = false;
        upper = default!;
        var remaining = Remaining(after);
        await run.LockBatchAsync(cancellationToken).ConfigureAwait(false);
        if (OrderedKeys)
        {
            // Keyset batches: the batch is the key range up to the batch-th remaining key, so each statement seeks
            // from where the last one ended instead of scanning past processed rows.
            var bounds = await remaining.OrderBy(keySelector).Select(keySelector).Skip(run.Options.BatchSize - 1).Take(1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            lastBatch = bounds.Count == 0;
            upper = lastBatch ? default! : bounds[0];
        }

        var affected = await apply(Batch(remaining), cancellationToken).ConfigureAwait(false);

        // Processed rows are no longer eligible: an IN batch starts again from the first remaining key.
        return new KeysetBatch<TKey>(affected, Next(after), IsLast: lastBatch || (!OrderedKeys && affected == 0));
    }

    public override bool CanRecover(Exception exception, CancellationToken cancellationToken) => IsRefusal(exception, cancellationToken);

    /// <summary>
    /// The database refused the batch: goes through its rows one at a time, to keep the rows it accepts and report
    /// each row it refuses, by key.
    /// </summary>
    public override async Task<KeysetBatch<TKey>> RecoverAsync(KeysetPosition<TKey> after, CancellationToken cancellationToken)
    {
        Batches++;
        long done = 0;
        var keys = await Batch(Remaining(after)).OrderBy(keySelector).Select(keySelector).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var rows = await KeysetBatchRunner.InTransactionAsync(
                    run.Context,
                    async token =>
                    {
                        await run.LockBatchAsync(token).ConfigureAwait(false);
                        return await apply(eligible.Where(In(new List<TKey> { key })), token).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                done += rows;
                Processed += rows;
                PurgeRun.RecordBatch(entityName, action, rows);
            }
            catch (Exception ex) when (IsRefusal(ex, cancellationToken))
            {
                if (!OrderedKeys)
                {
                    refused.Add(key);
                }

                Failures.Add(new PurgeFailure(entityName, Convert.ToString(key, CultureInfo.InvariantCulture) ?? "null", Describe(ex)));
                run.RecordRefusal(entityName, key, ex);
            }
        }

        return new KeysetBatch<TKey>(done, Next(after), IsLast: lastBatch);
    }

    public override Task BatchDoneAsync(KeysetBatch<TKey> batch, bool recovered, CancellationToken cancellationToken)
    {
        if (recovered)
        {
            return Task.CompletedTask;
        }

        if (batch.Rows > 0)
        {
            Processed += batch.Rows;
            Batches++;
            PurgeRun.RecordBatch(entityName, action, batch.Rows);
        }

        return batch.IsLast ? Task.CompletedTask : run.PauseAsync(cancellationToken);
    }

    private IQueryable<TEntity> Remaining(KeysetPosition<TKey> after)
    {
        var remaining = eligible;
        if (after.HasKey)
        {
            remaining = remaining.Where(Compare(ExpressionType.GreaterThan, after.Key));
        }

        if (refused.Count > 0)
        {
            remaining = remaining.Where(Not(In(refused)));
        }

        return remaining;
    }

    /// <summary>DELETE/UPDATE ... WHERE key &lt;= upper, or WHERE key IN (SELECT key ... ORDER BY key LIMIT n).</summary>
    private IQueryable<TEntity> Batch(IQueryable<TEntity> remaining) => OrderedKeys
        ? (lastBatch ? remaining : remaining.Where(Compare(ExpressionType.LessThanOrEqual, upper)))
        : remaining.Where(In(remaining.OrderBy(keySelector).Select(keySelector).Take(run.Options.BatchSize)));

    private KeysetPosition<TKey> Next(KeysetPosition<TKey> after) =>
        OrderedKeys && !lastBatch ? KeysetPosition<TKey>.After(upper) : after;

    /// <summary>The rows whose key compares with <paramref name="bound"/> (sent as a parameter) as <paramref name="comparison"/> says.</summary>
    private Expression<Func<TEntity, bool>> Compare(ExpressionType comparison, TKey bound)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var keyOfRow = ReplacingExpressionVisitor.Replace(keySelector.Parameters[0], row, keySelector.Body);
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
        var keyOfRow = ReplacingExpressionVisitor.Replace(keySelector.Parameters[0], row, keySelector.Body);
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
