using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Access.Masking;

namespace PrivacyEf.Access;

/// <summary>
/// Masks, on every entity a query materializes, the personal properties the current scope may not read, and records
/// what it may read for the access log. Entity queries of every kind (tracked or not, Include, split, FromSql,
/// compiled, streamed, Find) materialize through here. One instance per application; it keeps no per-query state.
/// </summary>
internal sealed class AccessMaterializationInterceptor(AccessRuntime access) : IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var plan = EntityAccessPlan.For(materializationData.EntityType);
        if (plan.IsEmpty)
        {
            return entity;
        }

        var scope = Privacy.Current;
        var decision = plan.Decide(access.Policy, scope);
        if (!decision.AllAllowed)
        {
            Mask(materializationData, entity, plan, decision);
        }

        if (decision.AnyAllowed && access.IsLogging && materializationData.Context.Database.IsRelational())
        {
            access.DisclosuresOf(scope).Record(access, plan.EntityName, plan.Properties, decision.Allowed, plan.SubjectGetter?.GetClrValueUsingContainingEntity(entity));
        }

        return entity;
    }

    private void Mask(MaterializationInterceptionData data, object entity, EntityAccessPlan plan, ScopeDecision decision)
    {
        var masked = new MaskedValues(plan);
        for (var i = 0; i < plan.Properties.Count; i++)
        {
            if (decision.Allowed[i])
            {
                continue;
            }

            var property = plan.Properties[i];
            var value = property.Getter.GetClrValueUsingContainingEntity(entity);
            if (value is null)
            {
                // Nothing to hide, but remembered: attaching the entity with Update must not count as writing it.
                masked.Set(i, null);
                continue;
            }

            if (access.Policy.ThrowsOnDenied)
            {
                throw PrivacyAccessDeniedException.ForRead(plan.EntityName, property.Name, decision.Scope?.Purpose);
            }

            var mask = ValueMasker.Mask(
                value, property.Property.ClrType, property.Metadata.Mask, property.Metadata.Category, property.Property.IsNullable, access.PseudonymKeyFor(property.Metadata.Mask));
            property.Setter.SetClrValueUsingContainingEntity(entity, mask);
            masked.Set(i, mask);
        }

        if (!masked.IsEmpty)
        {
            access.RememberMasked(data.Context, entity, masked, data.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll);
        }
    }
}
