using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf;
using PrivacyEf.Kernel;
using PrivacyEf.Internal;
using PrivacyEf.SubjectRights;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Data-subject rights on a context that uses PrivacyEf: access (export) and erasure.</summary>
public static class PrivacySubjectRightsExtensions
{
    /// <summary>
    /// Collects every row that belongs to a data subject, in every entity that links rows to their subject
    /// with <see cref="DataSubjectAttribute"/>, with personal values decrypted and, per field, its category,
    /// purposes and retention. Runs in a system scope; nothing of any other subject is included.
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="subjectId">The subject's id, as the <c>[DataSubject]</c> properties hold it.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The export; <see cref="SubjectExport.WriteJsonAsync"/> writes it as JSON.</returns>
    /// <exception cref="InvalidOperationException">The model has several kinds of data subject: name one with <see cref="ExportSubjectAsync{TSubject}"/>.</exception>
    public static Task<SubjectExport> ExportSubjectAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subjectId);
        return ExportAsync(context, subjectId, SubjectKinds.Of(context.Model).All(nameof(ExportSubjectAsync)), cancellationToken);
    }

    /// <summary>
    /// Collects every row of the data subject of kind <typeparamref name="TSubject"/> (the entity that is the person):
    /// its own row and the rows linked to that kind, never the rows of another kind that shares the id.
    /// </summary>
    /// <typeparam name="TSubject">The kind of data subject, an entity whose own key is marked <see cref="DataSubjectAttribute"/>.</typeparam>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="subjectId">The subject's key.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The export.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TSubject"/> is not a kind of data subject of the model.</exception>
    public static Task<SubjectExport> ExportSubjectAsync<TSubject>(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
        where TSubject : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subjectId);
        return ExportAsync(context, subjectId, SubjectKinds.Of(context.Model).LinkedTo(typeof(TSubject)), cancellationToken);
    }

    private static async Task<SubjectExport> ExportAsync(DbContext context, object subjectId, IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> linked, CancellationToken cancellationToken)
    {
        var clock = PrivacyKernel.Of(context).Clock;
        var entities = new List<SubjectEntityExport>();
        using (Privacy.System("data subject export"))
        {
            foreach (var (entityType, metadata) in linked.Reverse())
            {
                var rows = await SubjectRows.LoadAsync(context, entityType, metadata.DataSubjectProperty!, subjectId, tracking: false, cancellationToken).ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    continue;
                }

                entities.Add(new SubjectEntityExport(
                    entityType.ClrType.Name,
                    entityType.GetTableName(),
                    [.. rows.Select(row => Describe(context, entityType, metadata, row))]));
            }
        }

        return new SubjectExport(Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture)!, clock.GetUtcNow(), entities);
    }

    /// <summary>
    /// Erases a data subject: in every entity that links rows to their subject, each row is deleted, or
    /// anonymized where its <c>[Retain]</c> says <c>Anonymize</c>; rows under legal hold are kept and
    /// counted. All entities change in one transaction (dependents first); a second call changes nothing.
    /// A row is deleted only if the database's foreign keys would neither refuse it nor take with it a row PrivacyEf
    /// keeps (held, kept anonymized, another subject's); such a row is anonymized instead, and
    /// <see cref="ErasureResult.NotDeletedBecause"/> says why. Rows the database's cascades delete with the erased
    /// ones are counted in <see cref="ErasureResult.DeletedByCascade"/>.
    /// A row whose personal values cannot be decrypted (a corrupt or foreign ciphertext) is erased and counted all
    /// the same: deleting or anonymizing it needs none of them.
    /// </summary>
    /// <remarks>
    /// The erasure saves through <paramref name="context"/>, so it refuses a context with pending changes (added,
    /// modified or deleted entities) rather than commit or discard them: save or discard them first, or erase on a
    /// context of its own. Entities the context already tracked stay tracked and show the erasure (deleted ones are
    /// detached, anonymized ones hold the placeholders); the rows the erasure loaded itself are not left behind.
    /// </remarks>
    /// <param name="context">A context configured with <c>UsePrivacy</c>, without pending changes.</param>
    /// <param name="subjectId">The subject's id, as the <c>[DataSubject]</c> properties hold it.</param>
    /// <param name="cancellationToken">Cancels the erasure before it commits (then nothing changes).</param>
    /// <returns>The receipt: counts and time only.</returns>
    /// <exception cref="InvalidOperationException">The context has pending changes, or the model has several kinds of data subject (name one with <see cref="EraseSubjectAsync{TSubject}"/>).</exception>
    public static Task<ErasureReceipt> EraseSubjectAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subjectId);
        return EraseAsync(context, subjectId, SubjectKinds.Of(context.Model).All(nameof(EraseSubjectAsync)), cancellationToken);
    }

    /// <summary>
    /// Erases the data subject of kind <typeparamref name="TSubject"/>: its own row and the rows linked to that kind,
    /// as <see cref="EraseSubjectAsync(DbContext, object, CancellationToken)"/> does; rows of another kind that shares
    /// the id are never touched.
    /// </summary>
    /// <typeparam name="TSubject">The kind of data subject, an entity whose own key is marked <see cref="DataSubjectAttribute"/>.</typeparam>
    /// <param name="context">A context configured with <c>UsePrivacy</c>, without pending changes.</param>
    /// <param name="subjectId">The subject's key.</param>
    /// <param name="cancellationToken">Cancels the erasure before it commits.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TSubject"/> is not a kind of data subject of the model.</exception>
    public static Task<ErasureReceipt> EraseSubjectAsync<TSubject>(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
        where TSubject : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subjectId);
        return EraseAsync(context, subjectId, SubjectKinds.Of(context.Model).LinkedTo(typeof(TSubject)), cancellationToken);
    }

    private static async Task<ErasureReceipt> EraseAsync(DbContext context, object subjectId, IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> linked, CancellationToken cancellationToken)
    {
        RefusePendingChanges(context);
        var kernel = PrivacyKernel.Of(context);
        var clock = kernel.Clock;
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var results = new List<ErasureResult>();
        var callersEntities = context.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        using (Privacy.System("data subject erasure"))
        {
            var strategy = context.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                results.Clear();
                var transaction = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
                try
                {
                    var erasure = new SubjectErasure(context, subjectId, now);
                    foreach (var (entityType, metadata) in linked)
                    {
                        results.Add(await erasure.EraseAsync(entityType, metadata, cancellationToken).ConfigureAwait(false));
                        ForgetWhatTheErasureLoaded(context, callersEntities);
                    }

                    results.AddRange(await erasure.VerifyAsync(cancellationToken).ConfigureAwait(false));

                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                catch
                {
                    // Nothing of a failed erasure may reach the caller's next SaveChanges.
                    UndoPendingErasure(context, callersEntities);
                    throw;
                }
                finally
                {
                    if (transaction is not null)
                    {
                        await transaction.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }).ConfigureAwait(false);
        }

        if (kernel.Get<SqlDialects>().Find(context)?.FlushErasedPages is { } flush && context.Database.CurrentTransaction is null)
        {
            // Until the journal is flushed, the database's files may still hold the erased values.
            await context.Database.ExecuteSqlRawAsync(flush, cancellationToken).ConfigureAwait(false);
        }

        return new ErasureReceipt(clock.GetUtcNow(), clock.GetElapsedTime(started), results);
    }

    private static void RefusePendingChanges(DbContext context)
    {
        if (!context.ChangeTracker.HasChanges())
        {
            return;
        }

        var pending = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .GroupBy(e => (Entity: e.Metadata.DisplayName(), e.State))
            .OrderBy(g => g.Key.Entity, StringComparer.Ordinal).ThenByDescending(g => g.Key.State)
            .Select(g => $"{g.Count()} {g.Key.Entity} {g.Key.State.ToString().ToLowerInvariant()}");
        throw new InvalidOperationException(
            $"EraseSubjectAsync was called on a context with pending changes ({string.Join(", ", pending)}). The erasure saves through this context, " +
            "which would commit them with it: save or discard them first, or erase on a context of its own.");
    }

    private static void ForgetWhatTheErasureLoaded(DbContext context, HashSet<object> callersEntities)
    {
        foreach (var entry in context.ChangeTracker.Entries().Where(e => !callersEntities.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static void UndoPendingErasure(DbContext context, HashSet<object> callersEntities)
    {
        // Without detecting changes again: the change that failed the erasure would fail this cleanup too, and leave
        // the erasure's entities in the caller's context.
        var autoDetect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            UndoTrackedChanges(context, callersEntities);
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static void UndoTrackedChanges(DbContext context, HashSet<object> callersEntities)
    {
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (callersEntities.Contains(entry.Entity))
            {
                entry.CurrentValues.SetValues(entry.OriginalValues);
                entry.State = EntityState.Unchanged;
            }
        }

        ForgetWhatTheErasureLoaded(context, callersEntities);
    }

    private static Dictionary<string, SubjectField> Describe(DbContext context, IEntityType entityType, PrivacyEntityMetadata metadata, object row)
    {
        var entry = context.Entry(row);

        // A row read through a base type may be of a derived type, with personal properties of its own.
        if (entry.Metadata != entityType && PrivacyMetadata.Of(entry.Metadata) is { } derived)
        {
            (entityType, metadata) = (entry.Metadata, derived);
        }

        var retention = metadata.Retention is { } rule
            ? $"{PlainLanguage.Period(rule.Days)} after {PlainLanguage.Describe(rule.FromProperty)}, then {(rule.Action == RetentionAction.Anonymize ? "anonymized" : "deleted")}"
            : null;
        var fields = new Dictionary<string, SubjectField>(StringComparer.Ordinal);
        foreach (var property in entityType.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var value = entry.Property(property.Name).CurrentValue;
            fields[property.Name] = metadata.FindProperty(property.Name) is { } personal
                ? PersonalField(value, personal, metadata, retention)
                : new SubjectField(value, Personal: false, Category: null, Purposes: [], Retention: null);
        }

        // Owned types are part of the row, kept as long as it is: their fields follow, named by their path.
        foreach (var (path, ownedType, owned) in OwnedInstances.Of(entityType, row))
        {
            var ownedMetadata = PrivacyMetadata.Of(ownedType);
            foreach (var property in ownedType.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                var value = property.GetGetter().GetClrValueUsingContainingEntity(owned);
                fields[path + "." + property.Name] = ownedMetadata?.FindProperty(property.Name) is { } personal
                    ? PersonalField(value, personal, ownedMetadata, retention)
                    : new SubjectField(value, Personal: false, Category: null, Purposes: [], Retention: null);
            }
        }

        return fields;
    }

    /// <summary>A personal value as exported; credentials are said to be held, without their value.</summary>
    private static SubjectField PersonalField(object? value, PrivacyPropertyMetadata personal, PrivacyEntityMetadata metadata, string? retention) =>
        personal.Category == PersonalDataCategory.Credentials
            ? new SubjectField(null, Personal: true, personal.Category, metadata.EffectivePurposes(personal), retention, Withheld: true)
            : new SubjectField(value, Personal: true, personal.Category, metadata.EffectivePurposes(personal), retention);
}
