using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Kernel;

/// <summary>
/// The one order in which the retention purge and erasure change entity types: an entity type whose rows may
/// reference rows of another comes first, so deleting the referenced rows is never refused because of them.
/// </summary>
/// <remarks>
/// Working on an entity type works on the rows of its derived types too (a set of a base type holds them), so
/// the references of a type are the foreign keys of every type in its hierarchy below it, inherited ones
/// included; and a foreign key to a principal reaches the rows of the principal's derived types, so it
/// references every type whose rows overlap the principal's: its base types and its derived types. References
/// inside one hierarchy give no order (the same rows are on both sides) and are left out.
/// </remarks>
internal static class DependentsFirstOrder
{
    /// <summary>Orders items by their entity types, dependents first; otherwise by name, so the order is the same on every run.</summary>
    /// <typeparam name="T">What each entity type comes with (its metadata).</typeparam>
    /// <param name="items">The items, one per entity type.</param>
    /// <param name="entityTypeOf">The entity type of an item.</param>
    /// <returns>The same items, dependents before their principals.</returns>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, IEntityType> entityTypeOf)
    {
        var byName = items.OrderBy(item => entityTypeOf(item).Name, StringComparer.Ordinal).ToList();
        var ordered = new List<T>(byName.Count);
        var visited = new HashSet<IEntityType>();
        foreach (var item in byName)
        {
            Visit(item);
        }

        return ordered;

        void Visit(T principal)
        {
            if (!visited.Add(entityTypeOf(principal)))
            {
                return;
            }

            foreach (var dependent in byName)
            {
                if (References(entityTypeOf(dependent), entityTypeOf(principal)))
                {
                    Visit(dependent);
                }
            }

            ordered.Add(principal);
        }
    }

    /// <summary>Whether a row changed with <paramref name="dependent"/> may reference a row changed with <paramref name="principal"/>.</summary>
    /// <param name="dependent">The entity type whose rows hold the foreign key.</param>
    /// <param name="principal">The entity type whose rows may be referenced.</param>
    /// <returns>True when <paramref name="dependent"/> has to be changed first.</returns>
    public static bool References(IEntityType dependent, IEntityType principal) =>
        !SameHierarchy(dependent, principal)
        && dependent.GetDerivedTypesInclusive()
            .SelectMany(type => type.GetForeignKeys())
            .Any(fk => Overlap(fk.PrincipalEntityType, principal));

    private static bool SameHierarchy(IEntityType first, IEntityType second) => first.GetRootType() == second.GetRootType();

    private static bool Overlap(IEntityType first, IEntityType second) => first.IsAssignableFrom(second) || second.IsAssignableFrom(first);
}
