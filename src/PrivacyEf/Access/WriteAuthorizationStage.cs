using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// Guards writes before EF builds its commands: a mask loaded into an entity is never written back, and a scope may
/// not write a personal property it may not read. Outside any scope nothing personal is written unless
/// <see cref="AccessOptions.WritesWithoutScope"/> allows it.
/// </summary>
/// <remarks>
/// What counts as a write: on a modified entity, each personal property EF will write (<c>IsModified</c>, however it
/// got there: a tracked change, <c>Update</c>, <c>Attach</c> + <c>IsModified</c>, <c>State = Modified</c>); on an
/// added entity, each personal property that has a value (not null, not a value type's default), since the new row
/// stores it. Owned types are entries of their own and are checked the same way. Deleting is not a write of values.
/// </remarks>
internal sealed class WriteAuthorizationStage(AccessRuntime access) : ISaveChangesStage
{
    public async ValueTask BeforeSaveAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var ownRows = Guard(context);
        if (ownRows is not null)
        {
            await OwnRowWrites.ProveAsync(ownRows, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>The writes allowed only if the rows are the scope's own data subject's, still to be proven.</returns>
    private OwnRowWrites? Guard(DbContext context)
    {
        // The pipeline has detected the changes for every stage, so properties modified on the entity objects are
        // seen as modified here.
        var scope = Privacy.Current;
        OwnRowWrites? ownRows = null;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var plan = EntityAccessPlan.For(entry.Metadata);
            if (plan.IsEmpty)
            {
                continue;
            }

            if (entry.State == EntityState.Deleted)
            {
                GuardDeleted(entry, plan, scope, ref ownRows);
            }
            else if (entry.State == EntityState.Added)
            {
                GuardAdded(entry, plan, scope, ref ownRows);
            }
            else
            {
                GuardModified(entry, plan, scope, ref ownRows);
            }
        }

        return ownRows;
    }

    /// <summary>
    /// Whether the scope may write the property: by its roles in any row, or, acting for its own data subject, in that
    /// person's rows (noted in <paramref name="ownRows"/>, proven against the database before the save).
    /// </summary>
    private bool MayWrite(EntityEntry entry, EntityAccessPlan plan, GuardedProperty property, PrivacyScope? scope, ref OwnRowWrites? ownRows)
    {
        if (access.Policy.MayWrite(scope, plan.Metadata!, property.Metadata))
        {
            return true;
        }

        if (plan.SubjectLink is not null && plan.CanBeOwnedBy(scope) && access.Policy.AllowsSelf(scope, plan.Metadata!, property.Metadata))
        {
            (ownRows ??= new OwnRowWrites(scope!)).Add(entry, plan, property.Name);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Deleting is not a write of values, except for a scope acting for itself: a person may delete their own rows, not
    /// another person's, unless the scope's roles could write every personal property of the row anyway.
    /// </summary>
    private void GuardDeleted(EntityEntry entry, EntityAccessPlan plan, PrivacyScope? scope, ref OwnRowWrites? ownRows)
    {
        if (plan.SubjectLink is { } link && plan.CanBeOwnedBy(scope)
            && !plan.Properties.All(property => access.Policy.MayWrite(scope, plan.Metadata!, property.Metadata)))
        {
            (ownRows ??= new OwnRowWrites(scope!)).Add(entry, plan, link.Name);
        }
    }

    private void GuardAdded(EntityEntry entry, EntityAccessPlan plan, PrivacyScope? scope, ref OwnRowWrites? ownRows)
    {
        var masked = access.MaskedValuesOf(entry.Entity);
        for (var i = 0; i < plan.Properties.Count; i++)
        {
            var property = plan.Properties[i];
            if (masked is not null && masked.TryGet(plan, i, out var mask) && mask is not null && SameValue(entry.Property(property.Property).CurrentValue, mask))
            {
                // An instance read with masks (or a copy of one) added as a new row would store the mask as data.
                throw new InvalidOperationException(
                    $"{plan.EntityName}.{property.Name} holds the mask PrivacyEf put on this instance when a scope that may not see it read it; " +
                    "adding the instance would store the mask as data. Read the real values in a scope that may see them, or set the property.");
            }

            if (!SameValue(entry.Property(property.Property).CurrentValue, property.UnsetValue)
                && !MayWrite(entry, plan, property, scope, ref ownRows))
            {
                throw PrivacyAccessDeniedException.ForWrite(plan.EntityName, property.Name, scope?.Purpose, adding: true);
            }
        }
    }

    private void GuardModified(EntityEntry entry, EntityAccessPlan plan, PrivacyScope? scope, ref OwnRowWrites? ownRows)
    {
        // Acting for itself, a scope that moved another person's row to itself would read it as its own: a change of
        // the link (however it was marked modified) must be proven a no-op against the database.
        if (plan.SubjectLink is { } link && plan.CanBeOwnedBy(scope) && entry.Property(link.Name).IsModified)
        {
            (ownRows ??= new OwnRowWrites(scope!)).Add(entry, plan, link.Name);
        }

        var masked = access.MaskedValuesOf(entry.Entity);
        for (var i = 0; i < plan.Properties.Count; i++)
        {
            var property = plan.Properties[i];
            var current = entry.Property(property.Property);
            if (masked is not null && masked.TryGet(plan, i, out var mask))
            {
                if (SameValue(current.CurrentValue, mask))
                {
                    // Still the mask (for instance an entity loaded without tracking and attached with Update): keep the real value.
                    current.IsModified = false;
                    continue;
                }

                // A masked property given a new value: a write, whether or not EF noticed the change.
                if (!MayWrite(entry, plan, property, scope, ref ownRows))
                {
                    throw PrivacyAccessDeniedException.ForWrite(plan.EntityName, property.Name, scope?.Purpose, adding: false);
                }
            }
            else if (current.IsModified && !MayWrite(entry, plan, property, scope, ref ownRows))
            {
                throw PrivacyAccessDeniedException.ForWrite(plan.EntityName, property.Name, scope?.Purpose, adding: false);
            }
        }

        ForgetMaskIfUnchanged(entry);
    }

    private static void ForgetMaskIfUnchanged(EntityEntry entry)
    {
        if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified))
        {
            entry.State = EntityState.Unchanged;
        }
    }

    private static bool SameValue(object? current, object? other) =>
        current is byte[] bytes && other is byte[] otherBytes
            ? StructuralComparisons.StructuralEqualityComparer.Equals(bytes, otherBytes)
            : Equals(current, other);
}
