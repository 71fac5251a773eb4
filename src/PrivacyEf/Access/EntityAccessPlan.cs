using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

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
        var kinds = SubjectKinds.Of(entityType.Model);
        SubjectKind = kinds.TryGetKindName(entityType, out var kindName) ? kindName : null;
        SubjectKindType = kinds.TryGetKind(entityType, out var kind) ? kind?.ClrType : null;
        if (metadata.DataSubjectProperty is { } subject && entityType.FindProperty(subject) is { } subjectProperty)
        {
            SubjectProperty = subjectProperty;
            SubjectGetter = subjectProperty.GetGetter();
        }

        // Written through the model, so a shadow foreign key (a [DataSubject] navigation) counts too.
        SubjectLink = metadata.DataSubjectProperty is { } link ? SubjectRows.LinkOf(entityType, link) : null;
    }

    public PrivacyEntityMetadata? Metadata { get; }

    public string EntityName { get; }

    public IReadOnlyList<GuardedProperty> Properties { get; }

    /// <summary>The kind of data subject the rows belong to, for the access log; null when they link to none (or ambiguously).</summary>
    public string? SubjectKind { get; }

    /// <summary>The entity that is the person the rows belong to; null when they link to none, or ambiguously.</summary>
    public Type? SubjectKindType { get; }

    /// <summary>The column that links a row to its data subject, a shadow foreign key included.</summary>
    public IProperty? SubjectLink { get; }

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

        var decision = new ScopeDecision(policy, scope, allowed, OwnRowsDecision(policy, scope, allowed));
        lastDecision = decision;
        return decision;
    }

    /// <summary>Whether the rows of this entity can be the scope's own: it acts for a person of the kind they link to.</summary>
    public bool CanBeOwnedBy(PrivacyScope? scope) =>
        scope is { IsSystem: false, Self: { } self } && SubjectKindType is { } kind && kind.IsAssignableFrom(self.Kind);

    /// <summary>What the scope may read in rows of its own data subject, when that is more than in anyone's rows.</summary>
    private ScopeDecision? OwnRowsDecision(AccessPolicy policy, PrivacyScope? scope, bool[] allowed)
    {
        if (SubjectGetter is null || !CanBeOwnedBy(scope))
        {
            return null;
        }

        bool[]? own = null;
        for (var i = 0; i < allowed.Length; i++)
        {
            if (!allowed[i] && policy.AllowsSelf(scope, Metadata!, Properties[i].Metadata))
            {
                own ??= (bool[])allowed.Clone();
                own[i] = true;
            }
        }

        return own is null ? null : new ScopeDecision(policy, scope, own, ownRows: null);
    }
}
