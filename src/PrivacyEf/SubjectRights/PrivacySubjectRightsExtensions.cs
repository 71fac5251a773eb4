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
    public static async Task<SubjectExport> ExportSubjectAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var clock = PrivacyKernel.Of(context).Clock;
        var entities = new List<SubjectEntityExport>();
        using (Privacy.System("data subject export"))
        {
            foreach (var (entityType, metadata) in SubjectRows.LinkedEntities(context.Model).Reverse())
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
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <param name="subjectId">The subject's id, as the <c>[DataSubject]</c> properties hold it.</param>
    /// <param name="cancellationToken">Cancels the erasure before it commits (then nothing changes).</param>
    /// <returns>The receipt: counts and time only.</returns>
    public static async Task<ErasureReceipt> EraseSubjectAsync(this DbContext context, object subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var kernel = PrivacyKernel.Of(context);
        var clock = kernel.Clock;
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var results = new List<ErasureResult>();
        using (Privacy.System("data subject erasure"))
        {
            var strategy = context.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                results.Clear();
                var transaction = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
                try
                {
                    foreach (var (entityType, metadata) in SubjectRows.LinkedEntities(context.Model))
                    {
                        results.Add(await EraseAsync(context, entityType, metadata, subjectId, now, cancellationToken).ConfigureAwait(false));
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
            }).ConfigureAwait(false);
        }

        if (kernel.Get<SqlDialects>().Find(context)?.FlushErasedPages is { } flush && context.Database.CurrentTransaction is null)
        {
            // Until the journal is flushed, the database's files may still hold the erased values.
            await context.Database.ExecuteSqlRawAsync(flush, cancellationToken).ConfigureAwait(false);
        }

        return new ErasureReceipt(clock.GetUtcNow(), clock.GetElapsedTime(started), results);
    }

    private static async Task<ErasureResult> EraseAsync(DbContext context, IEntityType entityType, PrivacyEntityMetadata metadata, object subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await SubjectRows.LoadAsync(context, entityType, metadata.DataSubjectProperty!, subjectId, tracking: true, cancellationToken).ConfigureAwait(false);
        var anonymize = metadata.Retention?.Action == RetentionAction.Anonymize;
        var values = new AnonymizedValues(entityType, now);
        int deleted = 0, anonymized = 0, held = 0;
        foreach (var row in rows)
        {
            var entry = context.Entry(row);
            if (metadata.LegalHoldProperty is { } hold && entry.Property(hold).CurrentValue is true)
            {
                held++;
                continue;
            }

            if (!anonymize)
            {
                entry.State = EntityState.Deleted;
                deleted++;
                continue;
            }

            var anonymizedAt = entityType.FindProperty(AnonymizedValues.AnonymizedAtProperty);
            if (anonymizedAt is not null && entry.Property(anonymizedAt.Name).CurrentValue is not null)
            {
                // Already anonymized (by an earlier erasure or the retention purge): nothing left to erase.
                continue;
            }

            // Through the change tracker, so encrypted columns get a ciphertext of the placeholder and a
            // searchable column's blind index is recomputed from it: the old value no longer matches.
            foreach (var personal in metadata.Properties.Where(p => values.IsMapped(p.Name)))
            {
                entry.Property(personal.Name).CurrentValue = values.ValueFor(personal.Name);
            }

            if (anonymizedAt is not null)
            {
                entry.Property(anonymizedAt.Name).CurrentValue = now;
            }

            anonymized++;
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        context.ChangeTracker.Clear();
        return new ErasureResult(entityType.ClrType.Name, deleted, anonymized, held);
    }

    private static Dictionary<string, SubjectField> Describe(DbContext context, IEntityType entityType, PrivacyEntityMetadata metadata, object row)
    {
        var entry = context.Entry(row);
        var retention = metadata.Retention is { } rule
            ? $"{PlainLanguage.Period(rule.Days)} after {PlainLanguage.Describe(rule.FromProperty)}, then {(rule.Action == RetentionAction.Anonymize ? "anonymized" : "deleted")}"
            : null;
        var fields = new Dictionary<string, SubjectField>(StringComparer.Ordinal);
        foreach (var property in entityType.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            var value = entry.Property(property.Name).CurrentValue;
            fields[property.Name] = metadata.FindProperty(property.Name) is { } personal
                ? new SubjectField(value, Personal: true, personal.Category, metadata.EffectivePurposes(personal), retention)
                : new SubjectField(value, Personal: false, Category: null, Purposes: [], Retention: null);
        }

        return fields;
    }
}
