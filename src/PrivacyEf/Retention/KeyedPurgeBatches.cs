using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Retention;

/// <summary>
/// Deletes or anonymizes the expired rows of one entity type: finds the eligible rows (expired, not yet anonymized,
/// not on legal hold), counts them for a dry run, and otherwise walks them in batches of
/// <see cref="PurgeOptions.BatchSize"/> with <see cref="KeyedPurgeWalk{TEntity, TKey}"/> on the keyset batch runner,
/// one transaction per batch, so a purge stopped anywhere leaves every row either untouched or fully processed.
/// </summary>
internal sealed class KeyedPurgeBatches<TEntity, TKey> : EntityPurgeBatches<TEntity>
    where TEntity : class
{
    private readonly RetentionPurge<TEntity> purge;
    private readonly Expression<Func<TEntity, TKey>> keySelector;

    public KeyedPurgeBatches(RetentionPurge<TEntity> purge, string keyProperty)
    {
        this.purge = purge;
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var keyAccess = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], entity, Expression.Constant(keyProperty));
        keySelector = Expression.Lambda<Func<TEntity, TKey>>(keyAccess, entity);
    }

    public override async Task<PurgeEntityReport> RunAsync(PurgeRun run, IEntityType entityType, RetentionMetadata retention, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var db = run.Context;
        var cutoff = run.Now.AddDays(-retention.Days);
        var anonymize = retention.Action == RetentionAction.Anonymize;
        if (entityType.GetMappingStrategy() == RelationalAnnotationNames.TptMappingStrategy)
        {
            // EF runs no ExecuteDelete or ExecuteUpdate on a TPT hierarchy: say which entity, before anything changes.
            throw new InvalidOperationException(
                $"{entityType.DisplayName()} has a retention rule but is mapped table-per-type, and the purge deletes and anonymizes with set-based SQL, which EF does not run on a TPT hierarchy; " +
                "map the hierarchy table-per-hierarchy or table-per-concrete-type (UseTphMappingStrategy, UseTpcMappingStrategy).");
        }

        if (anonymize && purge.Anonymize is null)
        {
            throw new InvalidOperationException($"{entityType.DisplayName()} is retained with Then = Anonymize but its generated purge has no anonymizing setters; rebuild the project with the current PrivacyEf generator.");
        }

        IQueryable<TEntity> expired = db.Set<TEntity>().IgnoreQueryFilters().AsNoTracking().Where(purge.ExpiredBefore(cutoff));
        foreach (var derived in DerivedTypesPurgedByThemselves(entityType))
        {
            // Its rows follow its own rules (a legal hold, another action), which this type's purge does not know.
            var row = Expression.Parameter(typeof(TEntity), "row");
            expired = expired.Where(Expression.Lambda<Func<TEntity, bool>>(Expression.Not(Expression.TypeIs(row, derived.ClrType)), row));
        }

        if (anonymize)
        {
            expired = expired.Where(purge.NotAnonymized!);
        }

        // Before anything changes: an owned type's personal values the update cannot reach stop this entity's purge.
        var ownedSetters = anonymize ? OwnedAnonymization.SettersFor<TEntity>(entityType, run.Now) : null;

        var eligible = expired;
        long held = 0;
        if (purge.OnLegalHold is { } onHold)
        {
            held = await expired.Where(onHold).LongCountAsync(cancellationToken).ConfigureAwait(false);
            eligible = expired.Where(Expression.Lambda<Func<TEntity, bool>>(Expression.Not(onHold.Body), onHold.Parameters));
        }

        // A bulk delete must not let the database's foreign keys refuse a batch, or cascade into rows that stay.
        long keptForDependents = 0;
        if (!anonymize && DeletableRowFilter.For<TEntity>(db, entityType) is { } deletable)
        {
            var undeletable = Expression.Lambda<Func<TEntity, bool>>(Expression.Not(deletable.Body), deletable.Parameters);
            keptForDependents = await eligible.Where(undeletable).LongCountAsync(cancellationToken).ConfigureAwait(false);
            eligible = eligible.Where(deletable);
        }

        var action = retention.Action;
        var name = entityType.ClrType.Name;
        if (run.Options.DryRun)
        {
            var wouldPurge = await eligible.LongCountAsync(cancellationToken).ConfigureAwait(false);
            var wouldBatches = (int)((wouldPurge + run.Options.BatchSize - 1) / run.Options.BatchSize);
            return new PurgeEntityReport(name, action, cutoff, wouldPurge, held, wouldBatches, Stopwatch.GetElapsedTime(started), []) { KeptForDependents = keptForDependents };
        }

        if (anonymize)
        {
            await run.PrepareEncryptedWritesAsync(entityType, cancellationToken).ConfigureAwait(false);
            foreach (var owned in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
            {
                await run.PrepareEncryptedWritesAsync(owned.TargetEntityType, cancellationToken).ConfigureAwait(false);
            }
        }

        var values = new AnonymizedValues(entityType, run.Now);
        var walk = new KeyedPurgeWalk<TEntity, TKey>(run, keySelector, eligible, (batch, token) => ApplyAsync(batch, anonymize, values, ownedSetters, token), name, action);
        await KeysetBatchRunner.RunAsync(db, walk, KeysetPosition<TKey>.Start, cancellationToken).ConfigureAwait(false);
        return new PurgeEntityReport(name, action, cutoff, walk.Processed, held, walk.Batches, Stopwatch.GetElapsedTime(started), walk.Failures) { KeptForDependents = keptForDependents };
    }

    /// <summary>
    /// The derived types with generated metadata of their own (their own annotations, rules inherited or not): the
    /// runner purges each of them by itself (<see cref="PurgeRunner.RetainedEntityTypes"/>), so a set of the base type,
    /// which holds their rows too, must leave those rows to them.
    /// </summary>
    private static IEnumerable<IEntityType> DerivedTypesPurgedByThemselves(IEntityType entityType) =>
        entityType.GetDerivedTypes().Where(d => PrivacyMetadata.Of(d) is { Purge: not null, Retention: not null } metadata && metadata.ClrType == d.ClrType);

    /// <summary>Deletes or anonymizes <paramref name="batch"/>: eligible rows by key, so a row put on legal hold since is left alone.</summary>
    private Task<int> ApplyAsync(IQueryable<TEntity> batch, bool anonymize, AnonymizedValues values, Action<UpdateSettersBuilder<TEntity>>? ownedSetters, CancellationToken cancellationToken)
    {
        if (!anonymize)
        {
            return batch.ExecuteDeleteAsync(cancellationToken);
        }

        var setters = purge.Anonymize!;
        return batch.ExecuteUpdateAsync(
            s =>
            {
                setters(s, values);
                ownedSetters?.Invoke(s);
            },
            cancellationToken);
    }
}
