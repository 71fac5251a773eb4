using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Kernel;

namespace PrivacyEf.Redaction;

/// <summary>
/// The redaction of one entity type's stored text, as a keyset walk: each batch loads the next rows in key order
/// (through EF, so encrypted columns are decrypted and sealed again), redacts their free text and saves what changed.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <typeparam name="TKey">Its single-property primary key.</typeparam>
internal sealed class RedactionHistoryWalk<TEntity, TKey> : KeysetWalk<TKey>
    where TEntity : class
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private readonly DbContext context;
    private readonly RedactionRuntime redaction;
    private readonly IProperty[] properties;
    private readonly IProperty keyProperty;
    private readonly int batchSize;
    private readonly IProgress<RedactionProgress>? progress;
    private readonly string entityName;
    private readonly Expression<Func<TEntity, TKey>> keySelector;
    private readonly StrongBox<TKey> lastKey = new();
    private readonly Expression<Func<TEntity, bool>> afterLastKey;
    private long batchRedactedRows;
    private long batchFindings;

    public RedactionHistoryWalk(DbContext context, RedactionRuntime redaction, IEntityType entityType, IProperty[] properties, IProperty keyProperty, int batchSize, IProgress<RedactionProgress>? progress, object? resumeAfter)
    {
        this.context = context;
        this.redaction = redaction;
        this.properties = properties;
        this.keyProperty = keyProperty;
        this.batchSize = batchSize;
        this.progress = progress;
        entityName = entityType.DisplayName();
        keySelector = KeySelector(keyProperty.Name);
        afterLastKey = AfterKey(keyProperty.Name, lastKey);
        State = new RedactionProgress(entityName, 0, 0, 0, 0, resumeAfter, Completed: false);
    }

    /// <summary>The progress so far; after the walk, the final progress.</summary>
    public RedactionProgress State { get; private set; }

    public override async Task<KeysetBatch<TKey>> RunBatchAsync(KeysetPosition<TKey> after, CancellationToken cancellationToken)
    {
        var query = context.Set<TEntity>().AsTracking();
        if (after.HasKey)
        {
            lastKey.Value = after.Key;
            query = query.Where(afterLastKey);
        }

        var batch = await query.OrderBy(keySelector).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        batchRedactedRows = 0;
        batchFindings = 0;
        foreach (var entity in batch)
        {
            batchRedactedRows += Redact(context.Entry(entity)) ? 1 : 0;
        }

        if (batchRedactedRows > 0)
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var next = after;
        if (batch.Count > 0)
        {
            next = KeysetPosition<TKey>.After((TKey)context.Entry(batch[^1]).Property(keyProperty).CurrentValue!);
            foreach (var entity in batch)
            {
                context.Entry(entity).State = EntityState.Detached;
            }
        }

        return new KeysetBatch<TKey>(batch.Count, next, IsLast: batch.Count < batchSize);
    }

    public override Task BatchDoneAsync(KeysetBatch<TKey> batch, bool recovered, CancellationToken cancellationToken)
    {
        State = State with
        {
            Batches = State.Batches + (batch.Rows > 0 ? 1 : 0),
            RowsScanned = State.RowsScanned + batch.Rows,
            RowsRedacted = State.RowsRedacted + batchRedactedRows,
            Findings = State.Findings + batchFindings,
            LastKey = batch.Next.HasKey ? batch.Next.Key : null,
            Completed = batch.IsLast,
        };
        progress?.Report(State);
        return Task.CompletedTask;
    }

    private bool Redact(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var changed = false;
        foreach (var property in properties)
        {
            var propertyEntry = entry.Property(property);
            if (propertyEntry.CurrentValue is not string { Length: > 0 } text)
            {
                continue;
            }

            var result = redaction.Redactor.Redact(text);
            if (result.HasFindings)
            {
                propertyEntry.CurrentValue = result.Text;
                redaction.Report(entityName, property.Name, RedactionSource.History, result.Findings);
                batchFindings += result.Findings.Count;
                changed = true;
            }
        }

        return changed;
    }

    private static Expression<Func<TEntity, TKey>> KeySelector(string keyName)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        return Expression.Lambda<Func<TEntity, TKey>>(KeyAccess(entity, keyName), entity);
    }

    /// <summary>e => e.Key > lastKey.Value, with the bound read from a box so EF sends it as a parameter and caches one plan.</summary>
    private static Expression<Func<TEntity, bool>> AfterKey(string keyName, StrongBox<TKey> bound)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var key = KeyAccess(entity, keyName);
        var value = Expression.Field(Expression.Constant(bound), nameof(StrongBox<TKey>.Value));
        Expression after = typeof(TKey) == typeof(string)
            ? Expression.GreaterThan(Expression.Call(StringCompare, key, value), Expression.Constant(0))
            : Expression.GreaterThan(key, value);
        return Expression.Lambda<Func<TEntity, bool>>(after, entity);
    }

    private static MethodCallExpression KeyAccess(ParameterExpression entity, string keyName) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], entity, Expression.Constant(keyName));
}
