using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.SubjectRights;

/// <summary>
/// Erases one subject's rows of every linked entity type, dependents first, inside the caller's transaction. A row is
/// deleted only when the database would not, through its foreign keys, remove or change a row PrivacyEf keeps, nor
/// refuse the deletion; otherwise it is anonymized instead and the receipt says why. What the database removed is
/// counted again before the transaction commits, so the receipt states what happened, not what was intended.
/// </summary>
internal sealed class SubjectErasure(DbContext context, object subjectId, DateTimeOffset now)
{
    private readonly Dictionary<IEntityType, int> cascaded = [];
    private readonly Dictionary<IForeignKey, int> unlinked = [];
    private readonly List<(IEntityType EntityType, PrivacyEntityMetadata Metadata, int Expected)> remaining = [];

    /// <summary>Erases the subject's rows of one entity type and saves.</summary>
    public async Task<ErasureResult> EraseAsync(IEntityType entityType, PrivacyEntityMetadata metadata, CancellationToken cancellationToken)
    {
        var rows = await ErasureRows.TrackAsync(context, entityType, metadata, subjectId, cancellationToken).ConfigureAwait(false);
        var values = new AnonymizedValues(entityType, now);
        int deleted = 0, anonymized = 0, held = 0;
        var toAnonymize = new List<EntityEntry>();
        var toDelete = new List<EntityEntry>();
        foreach (var entry in rows)
        {
            // A row read through a base type may be of a derived type whose own rules (a legal hold, a retention kept
            // anonymized) the base type does not declare: the row's type decides what happens to it.
            var rowMetadata = MetadataOf(entry, entityType, metadata);
            if (rowMetadata.LegalHoldProperty is { } hold && entry.Property(hold).CurrentValue is true)
            {
                held++;
            }
            else
            {
                (rowMetadata.Retention?.Action == RetentionAction.Anonymize ? toAnonymize : toDelete).Add(entry);
            }
        }

        var (impacts, blocked) = await DecideDeletionsAsync(entityType, toDelete, cancellationToken).ConfigureAwait(false);
        foreach (var (entry, impact) in impacts)
        {
            entry.State = EntityState.Deleted;
            deleted++;
            foreach (var (dependent, count) in impact.Cascaded)
            {
                cascaded[dependent] = cascaded.GetValueOrDefault(dependent) + count;
            }

            foreach (var (foreignKey, count) in impact.Unlinked)
            {
                unlinked[foreignKey] = unlinked.GetValueOrDefault(foreignKey) + count;
            }
        }

        var kept = blocked.Count;
        foreach (var entry in toAnonymize.Concat(blocked.Select(b => b.Entry)))
        {
            // A row read through a base type may be of a derived type, with personal properties of its own.
            var rowType = entry.Metadata;
            var rowMetadata = MetadataOf(entry, entityType, metadata);
            var rowValues = rowType == entityType ? values : new AnonymizedValues(rowType, now);
            if (Anonymize(entry, rowType, rowMetadata, rowValues))
            {
                anonymized++;
            }
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        remaining.Add((entityType, metadata, rows.Count - deleted));
        return new ErasureResult(entityType.ClrType.Name, deleted, anonymized, held)
        {
            KeptForDependents = kept,
            NotDeletedBecause = [.. blocked.GroupBy(b => b.Reason, StringComparer.Ordinal)
                .Select(reason => $"{reason.Count()} {entityType.DisplayName()} row(s) anonymized instead of deleted: {reason.Key}")],
        };
    }

    /// <summary>
    /// Checks, in the erasure's transaction, that every linked entity type still holds exactly the subject's rows the
    /// erasure kept: a trigger or a cascade it did not foresee fails the erasure (and so rolls it back) instead of
    /// leaving a receipt that says less than what happened.
    /// </summary>
    /// <returns>The rows the database's cascades deleted with the erased ones, per entity type without a subject link.</returns>
    public async Task<IReadOnlyList<ErasureResult>> VerifyAsync(CancellationToken cancellationToken)
    {
        foreach (var (entityType, metadata, kept) in remaining)
        {
            // Kept rows whose link to the subject was the foreign key the database set to null are no longer the subject's.
            var link = SubjectRows.LinkOf(entityType, metadata.DataSubjectProperty!);
            var expected = kept - unlinked
                .Where(pair => pair.Key.DeclaringEntityType.IsAssignableFrom(entityType) && pair.Key.Properties.Contains(link))
                .Sum(pair => pair.Value);
            var actual = await SubjectRows.CountAsync(context, entityType, metadata.DataSubjectProperty!, subjectId, cancellationToken).ConfigureAwait(false);
            if (actual != expected)
            {
                throw new InvalidOperationException(
                    $"The erasure was rolled back: it kept {expected} {entityType.DisplayName()} row(s) of the subject, but the database holds {actual}. " +
                    "Something outside PrivacyEf's view (a trigger, or a foreign key the model does not describe) changed them.");
            }
        }

        return [.. cascaded
            .OrderBy(pair => pair.Key.DisplayName(), StringComparer.Ordinal)
            .Select(pair => new ErasureResult(pair.Key.ClrType.Name, 0, 0, 0) { DeletedByCascade = pair.Value })];
    }

    /// <summary>
    /// Which of the rows to delete may go, and why the others may not. A row the same erasure deletes anyway (the
    /// subject's child folder under its parent folder) does not keep another; but when a row turns out to be kept, the
    /// rows that counted on its going are decided again, so a cascade never reaches a row kept after all.
    /// </summary>
    private async Task<(List<(EntityEntry Entry, DeletionImpact Impact)> Allowed, List<(EntityEntry Entry, string Reason)> Blocked)> DecideDeletionsAsync(
        IEntityType entityType, List<EntityEntry> candidates, CancellationToken cancellationToken)
    {
        var blocked = new List<(EntityEntry Entry, string Reason)>();
        var root = entityType.GetRootType();
        var keyProperties = root.FindPrimaryKey()?.Properties ?? [];
        string KeyOf(Func<IProperty, object?> valueOf) => string.Join("|", keyProperties.Select(p => Convert.ToString(valueOf(p), System.Globalization.CultureInfo.InvariantCulture)));
        var going = candidates.ToDictionary(entry => KeyOf(p => entry.Property(p.Name).OriginalValue), StringComparer.Ordinal);
        bool DeletedAnyway(IEntityType type, Func<IProperty, object?> valueOf) => keyProperties.Count > 0 && type.GetRootType() == root && going.ContainsKey(KeyOf(valueOf));

        while (true)
        {
            var allowed = new List<(EntityEntry, DeletionImpact)>();
            var changed = false;
            foreach (var (key, entry) in going.ToList())
            {
                var impact = await DependentRows.ImpactOfDeletingAsync(context, entityType, p => entry.Property(p.Name).OriginalValue, DeletedAnyway, cancellationToken).ConfigureAwait(false);
                if (impact.IsBlocked)
                {
                    going.Remove(key);
                    blocked.Add((entry, impact.BlockedBecause!));
                    changed = true;
                }
                else
                {
                    allowed.Add((entry, impact));
                }
            }

            if (!changed)
            {
                return (allowed, blocked);
            }
        }
    }

    private static PrivacyEntityMetadata MetadataOf(EntityEntry entry, IEntityType entityType, PrivacyEntityMetadata metadata) =>
        entry.Metadata == entityType ? metadata : PrivacyMetadata.Of(entry.Metadata) ?? metadata;

    /// <returns>False when the row was anonymized before (by an earlier erasure or the retention purge): nothing left to erase.</returns>
    private bool Anonymize(EntityEntry entry, IEntityType entityType, PrivacyEntityMetadata metadata, AnonymizedValues values)
    {
        var anonymizedAt = entityType.FindProperty(AnonymizedValues.AnonymizedAtProperty);
        if (anonymizedAt is not null && entry.Property(anonymizedAt.Name).CurrentValue is not null)
        {
            return false;
        }

        // Through the change tracker, so encrypted columns get a ciphertext of the placeholder and a searchable
        // column's blind index is recomputed from it: the old value no longer matches. Marked modified even when the
        // placeholder equals what the entity holds: a row tracked without its personal values holds defaults, not
        // what is stored.
        foreach (var personal in metadata.Properties.Where(p => values.IsMapped(p.Name)))
        {
            if (entityType.FindProperty(personal.Name) is { } mapped && mapped.IsKey())
            {
                // EF cannot change a key, and rows elsewhere may reference it: the erasure stops (and rolls back) here.
                throw new InvalidOperationException(
                    $"The erasure was rolled back: {entityType.DisplayName()}.{personal.Name} is personal and part of a key " +
                    $"({string.Join(", ", mapped.GetContainingKeys().Select(k => k.IsPrimaryKey() ? "the primary key" : "an alternate key"))}), so it cannot be anonymized. " +
                    "Reference the row by a key that holds no personal data.");
            }

            var property = entry.Property(personal.Name);
            property.CurrentValue = values.ValueFor(personal.Name);
            property.IsModified = true;
        }

        if (anonymizedAt is not null)
        {
            entry.Property(anonymizedAt.Name).CurrentValue = now;
        }

        // Owned types are part of the row: their personal values go too, through the change tracker like the owner's.
        foreach (var (_, ownedType, owned) in OwnedInstances.Of(entityType, entry.Entity))
        {
            if (PrivacyMetadata.Of(ownedType) is not { } ownedMetadata)
            {
                continue;
            }

            var ownedEntry = context.Entry(owned);
            var ownedValues = new AnonymizedValues(ownedType, now);
            foreach (var personal in ownedMetadata.Properties.Where(p => ownedValues.IsMapped(p.Name)))
            {
                var property = ownedEntry.Property(personal.Name);
                property.CurrentValue = ownedValues.ValueFor(personal.Name);
                property.IsModified = true;
            }
        }

        return true;
    }
}
