using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// Guards writes before EF builds its commands: a mask loaded into an entity is never written back, and a scope may
/// not change a personal property it may not read.
/// </summary>
internal sealed class WriteAuthorizationStage(AccessRuntime access) : ISaveChangesStage
{
    public ValueTask BeforeSaveAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        Guard(context);
        return ValueTask.CompletedTask;
    }

    private void Guard(DbContext context)
    {
        // Entries() detects changes first (when the context detects them automatically), so properties modified on the
        // entity objects are seen as modified; a DetectChanges here too would walk every tracked entity once more.
        var scope = Privacy.Current;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified).ToList())
        {
            var plan = EntityAccessPlan.For(entry.Metadata);
            if (plan.IsEmpty)
            {
                continue;
            }

            var masked = access.MaskedValuesOf(entry.Entity);
            for (var i = 0; i < plan.Properties.Count; i++)
            {
                var property = plan.Properties[i];
                var current = entry.Property(property.Property);
                if (masked is not null && ReferenceEquals(masked.Plan, plan) && masked.TryGet(i, out var mask))
                {
                    if (SameValue(current.CurrentValue, mask))
                    {
                        // Still the mask (for instance an entity loaded without tracking and attached with Update): keep the real value.
                        current.IsModified = false;
                        continue;
                    }

                    if (!access.Policy.Allows(scope, plan.Metadata!, property.Metadata))
                    {
                        throw new PrivacyAccessDeniedException(plan.EntityName, property.Name, scope?.Purpose, write: true);
                    }
                }
                else if (current.IsModified && scope is { IsSystem: false } && !access.Policy.Allows(scope, plan.Metadata!, property.Metadata))
                {
                    throw new PrivacyAccessDeniedException(plan.EntityName, property.Name, scope.Purpose, write: true);
                }
            }

            ForgetMaskIfUnchanged(entry);
        }
    }

    private static void ForgetMaskIfUnchanged(EntityEntry entry)
    {
        if (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified))
        {
            entry.State = EntityState.Unchanged;
        }
    }

    private static bool SameValue(object? current, object? mask) =>
        current is byte[] bytes && mask is byte[] maskBytes
            ? StructuralComparisons.StructuralEqualityComparer.Equals(bytes, maskBytes)
            : Equals(current, mask);
}
