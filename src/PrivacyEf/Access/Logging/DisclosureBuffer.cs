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

    public void Record(object runtime, string entity, string property, string? subject)
    {
        lock (gate)
        {
            Aggregate(runtime, entity).Add(property, subject);
        }
    }

    public void Record(object runtime, string entity, IReadOnlyList<GuardedProperty> properties, bool[] allowed, string? subject)
    {
        lock (gate)
        {
            var aggregate = Aggregate(runtime, entity);
            for (var i = 0; i < allowed.Length; i++)
            {
                if (allowed[i])
                {
                    aggregate.Add(properties[i].Name, subject: null);
                }
            }

            aggregate.AddSubject(subject);
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

            List<(string, DisclosureAggregate)>? taken = null;
            foreach (var key in pending.Keys.Where(k => ReferenceEquals(k.Runtime, runtime)).ToList())
            {
                (taken ??= []).Add((key.Entity, pending[key]));
                pending.Remove(key);
            }

            return taken;
        }
    }

    private DisclosureAggregate Aggregate(object runtime, string entity)
    {
        pending ??= [];
        if (!pending.TryGetValue((runtime, entity), out var aggregate))
        {
            aggregate = new DisclosureAggregate();
            pending.Add((runtime, entity), aggregate);
        }

        return aggregate;
    }
}
