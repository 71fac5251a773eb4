using PrivacyEf.Access.Masking;

namespace PrivacyEf.Access;

/// <summary>
/// The guard compiled into the materializer of one entity type with personal properties: called on every instance a
/// query builds, it masks what the current scope may not read and records what it may for the access log. The check
/// runs when the query runs, against the scope open then, so a cached or compiled query serves every scope correctly.
/// Types without personal properties get no guard at all, so EF materializes them exactly as without PrivacyEf.
/// </summary>
internal sealed class EntityReadGuard(AccessRuntime access, EntityAccessPlan plan, bool logsDisclosures)
{
    public static readonly System.Reflection.MethodInfo GuardMethod = typeof(EntityReadGuard).GetMethod(nameof(Guard))!;

    public EntityAccessPlan Plan { get; } = plan;

    /// <summary>Guards one freshly built instance, before EF tracks it (so a tracked entity's original values are its masks).</summary>
    public void Guard(object? entity)
    {
        if (entity is null)
        {
            return;
        }

        var scope = Privacy.Current;
        var decision = Plan.Decide(access.Policy, scope);
        var subject = decision.OwnRows is not null || (logsDisclosures && access.IsLogging) ? Plan.SubjectGetter?.GetClrValueUsingContainingEntity(entity) : null;
        decision = decision.ForRow(subject);
        if (!decision.AllAllowed)
        {
            Mask(entity, decision);
        }

        if (logsDisclosures && decision.AnyAllowed && access.IsLogging)
        {
            access.DisclosuresOf(scope).Record(access, Plan.EntityName, Plan.SubjectKind, Plan.Properties, decision.Allowed, subject);
        }
    }

    public override string ToString() => $"PrivacyEf read guard of {Plan.EntityName}";

    private void Mask(object entity, ScopeDecision decision)
    {
        MaskedValues? masked = null;
        for (var i = 0; i < Plan.Properties.Count; i++)
        {
            if (decision.Allowed[i])
            {
                continue;
            }

            var property = Plan.Properties[i];
            var value = property.Getter.GetClrValueUsingContainingEntity(entity);
            masked ??= new MaskedValues(Plan);
            if (value is null)
            {
                // Nothing to hide, but remembered: attaching the entity with Update must not count as writing it.
                masked.Set(i, null);
                continue;
            }

            if (access.Policy.ThrowsOnDenied)
            {
                throw PrivacyAccessDeniedException.ForRead(Plan.EntityName, property.Name, decision.Scope?.Purpose);
            }

            var mask = ValueMasker.Mask(
                value, property.Property.ClrType, property.Metadata.Mask, property.Metadata.Category, property.Property.IsNullable, access.PseudonymKeyFor(property.Metadata.Mask));
            property.Setter.SetClrValueUsingContainingEntity(entity, mask);
            masked.Set(i, mask);
        }

        if (masked is not null)
        {
            access.RememberMasked(entity, masked);
        }
    }
}
