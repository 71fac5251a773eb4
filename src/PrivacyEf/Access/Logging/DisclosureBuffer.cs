namespace PrivacyEf.Access.Logging;

/// <summary>
/// The disclosures of one access scope (or of reads outside any scope) not yet handed to the access log writer:
/// per entity, which properties were disclosed how often and for which data subjects. Readers of one scope may run
/// on several threads, hence the lock.
/// </summary>
internal sealed class DisclosureBuffer
{
    private readonly Lock gate = new();
    private Dictionary<(object Runtime, string Entity), DisclosureAggregate>? pending;

    // The aggregate used last: consecutive rows of a query nearly always belong to the same one.
    private (object? Runtime, string? Entity, DisclosureAggregate? Aggregate) last;

    public void Record(object runtime, string entity, string? subjectKind, string property, object? subject)
    {
        lock (gate)
        {
            Aggregate(runtime, entity, subjectKind).Add(property, subject);
        }
    }

    public void Record(object runtime, string entity, string? subjectKind, IReadOnlyList<GuardedProperty> properties, bool[] allowed, object? subject)
    {
        lock (gate)
        {
            Aggregate(runtime, entity, subjectKind).AddRow(properties, allowed, subject);
        }
    }

    /// <summary>Takes what <paramref name="runtime"/> recorded, leaving other applications' disclosures in place.</summary>
    public List<(string Entity, DisclosureAggregate Aggregate)>? Drain(object runtime)
    {
        lock (gate)
        {
            if (pending is null || pending.Count == 0)
            {
                return null;
            }

            last = default;
            List<(string, DisclosureAggregate)>? taken = null;
            foreach (var key in pending.Keys.Where(k => ReferenceEquals(k.Runtime, runtime)).ToList())
            {
                (taken ??= []).Add((key.Entity, pending[key]));
                pending.Remove(key);
            }

            return taken;
        }
    }

    private DisclosureAggregate Aggregate(object runtime, string entity, string? subjectKind)
    {
        if (ReferenceEquals(last.Runtime, runtime) && ReferenceEquals(last.Entity, entity))
        {
            return last.Aggregate!;
        }

        pending ??= [];
        if (!pending.TryGetValue((runtime, entity), out var aggregate))
        {
            aggregate = new DisclosureAggregate(subjectKind);
            pending.Add((runtime, entity), aggregate);
        }

        last = (runtime, entity, aggregate);
        return aggregate;
    }
}
