using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// The personal properties of one mapped entity type and how to reach them, built once per model (kept as a runtime
/// annotation of the entity type) and shared by the interceptors that mask reads and guard writes.
/// </summary>
internal sealed class EntityAccessPlan
{
    private const string AnnotationName = "PrivacyEf:AccessPlan";

    private static readonly EntityAccessPlan Empty = new();

    // The last decision: one scope typically reads many rows, so this saves a policy evaluation per row.
    private ScopeDecision? lastDecision;

    private EntityAccessPlan()
    {
        EntityName = "";
        Properties = [];
    }

    private EntityAccessPlan(IEntityType entityType, PrivacyEntityMetadata metadata)
    {
        Metadata = metadata;
        EntityName = entityType.ClrType.Name;
        Properties = metadata.Properties
            .Select(p => entityType.FindProperty(p.Name) is { } property ? new GuardedProperty(property, p) : null)
            .OfType<GuardedProperty>()
            .ToArray();
        if (metadata.DataSubjectProperty is { } subject && entityType.FindProperty(subject) is { } subjectProperty)
        {
            SubjectProperty = subjectProperty;
            SubjectGetter = subjectProperty.GetGetter();
        }
    }

    public PrivacyEntityMetadata? Metadata { get; }

    public string EntityName { get; }

    public IReadOnlyList<GuardedProperty> Properties { get; }

    public IProperty? SubjectProperty { get; }

    public IClrPropertyGetter? SubjectGetter { get; }

    public bool IsEmpty => Properties.Count == 0;

    public static EntityAccessPlan For(IEntityType entityType) =>
        entityType.GetOrAddRuntimeAnnotationValue(
            AnnotationName,
            static type => PrivacyMetadata.Of(type!) is { } metadata ? new EntityAccessPlan(type!, metadata) : Empty,
            entityType);

    public ScopeDecision Decide(AccessPolicy policy, PrivacyScope? scope)
    {
        var last = lastDecision;
        if (last is not null && ReferenceEquals(last.Scope, scope) && ReferenceEquals(last.Policy, policy))
        {
            return last;
        }

        var allowed = new bool[Properties.Count];
        for (var i = 0; i < allowed.Length; i++)
        {
            allowed[i] = policy.Allows(scope, Metadata!, Properties[i].Metadata);
        }

        var decision = new ScopeDecision(policy, scope, allowed);
        lastDecision = decision;
        return decision;
    }
}
