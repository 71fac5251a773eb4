using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PrivacyEf.Access;

/// <summary>
/// The writes of one save that a scope acting for its own data subject may make only in that person's rows. The row's
/// link is checked as it will be written and, for a row already stored, as the database holds it: the tracked
/// original value cannot be trusted (<c>Update</c> and <c>Attach</c> take it from the caller's object).
/// </summary>
internal sealed class OwnRowWrites(PrivacyScope scope)
{
    private readonly Dictionary<EntityEntry, (EntityAccessPlan Plan, string Property)> writes = new(ReferenceEqualityComparer.Instance);

    private PrivacyScope Scope { get; } = scope;

    public void Add(EntityEntry entry, EntityAccessPlan plan, string property) => writes.TryAdd(entry, (plan, property));

    public static async Task ProveAsync(OwnRowWrites ownRows, bool async, CancellationToken cancellationToken)
    {
        var self = ownRows.Scope.Self!;
        foreach (var (entry, (plan, property)) in ownRows.writes)
        {
            var link = plan.SubjectLink!;
            var owned = self.Owns(entry.Property(link.Name).CurrentValue);
            if (owned && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var stored = async
                    ? await entry.GetDatabaseValuesAsync(cancellationToken).ConfigureAwait(false)
                    : entry.GetDatabaseValues();
                owned = stored is not null && self.Owns(stored[link]);
            }

            if (!owned)
            {
                throw PrivacyAccessDeniedException.ForOtherSubjectsRow(plan.EntityName, property, ownRows.Scope.Purpose, self);
            }
        }
    }
}
