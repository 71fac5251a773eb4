using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf;
using PrivacyEf.Kernel;
using PrivacyEf.Redaction;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Redacts text that was stored before redaction was turned on.</summary>
public static class RedactionDbContextExtensions
{
    private static readonly MethodInfo RunMethod = typeof(RedactionDbContextExtensions).GetMethod(nameof(RunAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// Redacts the <c>[Personal(Redact = true)]</c> text of every stored <typeparamref name="TEntity"/> row, in batches
    /// ordered by primary key, one transaction per batch. Rows are read and written through EF (encrypted columns are
    /// decrypted and re-encrypted by the converters). A run that stops part-way keeps the batches it committed; running
    /// again (or from <see cref="RedactExistingOptions.ResumeAfter"/>) finishes the job, and already redacted text is left as it is.
    /// </summary>
    /// <typeparam name="TEntity">The entity type whose rows are redacted.</typeparam>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="options">Batch size and resume point; null for the defaults.</param>
    /// <param name="progress">Receives the progress after every batch.</param>
    /// <param name="cancellationToken">Stops the run between or inside batches; committed batches stay.</param>
    /// <returns>The final progress.</returns>
    public static Task<RedactionProgress> RedactExistingAsync<TEntity>(this DbContext context, RedactExistingOptions? options = null, IProgress<RedactionProgress>? progress = null, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var redaction = (PrivacyKernel.Find(context)
            ?? throw new InvalidOperationException($"RedactExistingAsync needs PrivacyEf on '{context.GetType().Name}': configure it with UsePrivacy(serviceProvider).")).Get<RedactionRuntime>();
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"'{typeof(TEntity).Name}' is not an entity type of '{context.GetType().Name}'.");
        var properties = RedactionModelFacts.For(context.Model).PropertiesOf(entityType);
        if (properties.Length == 0)
        {
            throw new InvalidOperationException($"Entity '{entityType.DisplayName()}' has no string property marked [Personal(..., Redact = true)]; there is nothing to redact.");
        }

        var key = entityType.FindPrimaryKey();
        if (key is null || key.Properties.Count != 1)
        {
            throw new NotSupportedException($"RedactExistingAsync pages through '{entityType.DisplayName()}' by its primary key and needs a key of one property; '{entityType.DisplayName()}' has {(key is null ? "no key" : $"a key of {key.Properties.Count} properties")}.");
        }

        var keyProperty = key.Properties[0];
        var keyType = keyProperty.ClrType;
        if (!IsOrderable(keyType))
        {
            throw new NotSupportedException($"RedactExistingAsync pages through '{entityType.DisplayName()}' by its primary key '{keyProperty.Name}', whose type {keyType.Name} it cannot compare; integer and string keys are supported.");
        }

        options ??= new RedactExistingOptions();
        object? resumeAfter = null;
        if (options.ResumeAfter is not null)
        {
            try
            {
                resumeAfter = Convert.ChangeType(options.ResumeAfter, keyType, CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
            {
                throw new ArgumentException($"ResumeAfter '{options.ResumeAfter}' is not a key of '{entityType.DisplayName()}' ({keyType.Name}).", nameof(options), exception);
            }
        }

        var run = new HistoryRun(context, redaction, entityType, properties, keyProperty, options.BatchSize, progress);
        return (Task<RedactionProgress>)RunMethod.MakeGenericMethod(typeof(TEntity), keyType).Invoke(null, [run, resumeAfter, cancellationToken])!;
    }

    private static bool IsOrderable(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(decimal);

    private static async Task<RedactionProgress> RunAsync<TEntity, TKey>(HistoryRun run, object? resumeAfter, CancellationToken cancellationToken)
        where TEntity : class
    {
        var context = run.Context;
        var entityName = run.EntityType.DisplayName();
        var lastKey = new StrongBox<TKey>(resumeAfter is null ? default! : (TKey)resumeAfter);
        var hasLastKey = resumeAfter is not null;
        var keySelector = KeySelector<TEntity, TKey>(run.KeyProperty.Name);
        var afterLastKey = AfterKey<TEntity, TKey>(run.KeyProperty.Name, lastKey);
        var state = new RedactionProgress(entityName, 0, 0, 0, 0, resumeAfter, Completed: false);

        // Reads under a system scope: redaction must see the stored text, whatever the caller's scope may read.
        using var scope = Privacy.Current is null ? Privacy.System($"redact stored {entityName} text") : null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var transaction = context.Database.IsRelational() && context.Database.CurrentTransaction is null
                ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
                : null;
            List<TEntity> batch;
            long redactedRows = 0;
            long findings = 0;
            try
            {
                var query = context.Set<TEntity>().AsTracking();
                if (hasLastKey)
                {
                    query = query.Where(afterLastKey);
                }

                batch = await query.OrderBy(keySelector).Take(run.BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var entity in batch)
                {
                    var entry = context.Entry(entity);
                    var changed = false;
                    foreach (var property in run.Properties)
                    {
                        var propertyEntry = entry.Property(property);
                        if (propertyEntry.CurrentValue is not string { Length: > 0 } text)
                        {
                            continue;
                        }

                        var result = run.Redaction.Redactor.Redact(text);
                        if (result.HasFindings)
                        {
                            propertyEntry.CurrentValue = result.Text;
                            run.Redaction.Report(entityName, property.Name, RedactionSource.History, result.Findings);
                            findings += result.Findings.Count;
                            changed = true;
                        }
                    }

                    redactedRows += changed ? 1 : 0;
                }

                if (redactedRows > 0)
                {
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (batch.Count > 0)
            {
                lastKey.Value = (TKey)context.Entry(batch[^1]).Property(run.KeyProperty).CurrentValue!;
                hasLastKey = true;
                foreach (var entity in batch)
                {
                    context.Entry(entity).State = EntityState.Detached;
                }
            }

            var completed = batch.Count < run.BatchSize;
            state = state with
            {
                Batches = state.Batches + (batch.Count > 0 ? 1 : 0),
                RowsScanned = state.RowsScanned + batch.Count,
                RowsRedacted = state.RowsRedacted + redactedRows,
                Findings = state.Findings + findings,
                LastKey = hasLastKey ? lastKey.Value : null,
                Completed = completed,
            };
            run.Progress?.Report(state);
            if (completed)
            {
                return state;
            }
        }
    }

    private static Expression<Func<TEntity, TKey>> KeySelector<TEntity, TKey>(string keyName)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        return Expression.Lambda<Func<TEntity, TKey>>(KeyAccess<TKey>(entity, keyName), entity);
    }

    /// <summary>e => e.Key > lastKey.Value, with the bound read from a box so EF sends it as a parameter and caches one plan.</summary>
    private static Expression<Func<TEntity, bool>> AfterKey<TEntity, TKey>(string keyName, StrongBox<TKey> lastKey)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var key = KeyAccess<TKey>(entity, keyName);
        var bound = Expression.Field(Expression.Constant(lastKey), nameof(StrongBox<TKey>.Value));
        Expression after = typeof(TKey) == typeof(string)
            ? Expression.GreaterThan(Expression.Call(StringCompare, key, bound), Expression.Constant(0))
            : Expression.GreaterThan(key, bound);
        return Expression.Lambda<Func<TEntity, bool>>(after, entity);
    }

    private static MethodCallExpression KeyAccess<TKey>(ParameterExpression entity, string keyName) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], entity, Expression.Constant(keyName));

    private sealed record HistoryRun(DbContext Context, RedactionRuntime Redaction, IEntityType EntityType, IProperty[] Properties, IProperty KeyProperty, int BatchSize, IProgress<RedactionProgress>? Progress);
}
