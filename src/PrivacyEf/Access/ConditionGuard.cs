using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>Refuses a query run whose conditions use a personal property the current scope may not see.</summary>
internal static class ConditionGuard
{
    /// <summary>Throws when <paramref name="scope"/> may not see a property among <paramref name="uses"/>.</summary>
    /// <param name="policy">The access policy.</param>
    /// <param name="scope">The current scope, or null.</param>
    /// <param name="uses">The query's uses of personal properties outside the projection guard.</param>
    /// <exception cref="PrivacyAccessDeniedException">The scope may not see one of the properties.</exception>
    public static void Demand(AccessPolicy policy, PrivacyScope? scope, IReadOnlyList<ConditionUse> uses)
    {
        for (var i = 0; i < uses.Count; i++)
        {
            var use = uses[i];
            if (!policy.Allows(scope, use.Entity, use.Property))
            {
                throw PrivacyAccessDeniedException.ForCondition(use.Entity.ClrType.Name, use.Property.Name, scope?.Purpose, use.Operator);
            }
        }
    }
}
