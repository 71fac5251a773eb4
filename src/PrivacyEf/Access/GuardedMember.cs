using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// A personal property read inside a query projection. PrivacyEf's query interceptor puts its <see cref="Id"/> into
/// each projection it guards (EF refuses object constants in client projections, as they could leak memory through
/// the query cache); <see cref="AccessGuard"/> finds it by id and checks it against the access scope every run.
/// </summary>
internal sealed class GuardedMember
{
    private static readonly Lock RegistryGate = new();
    private static GuardedMember[] registry = new GuardedMember[64];
    private static int count;

    private Decision? last;

    internal GuardedMember(AccessRuntime access, PrivacyEntityMetadata entity, PrivacyPropertyMetadata property, bool nullable, bool logged, string? subjectKind, Type? subjectKindType)
    {
        SubjectKind = subjectKind;
        SubjectKindType = subjectKindType;
        Access = access;
        Entity = entity;
        Property = property;
        EntityName = entity.ClrType.Name;
        IsNullable = nullable;
        IsLogged = logged;
        lock (RegistryGate)
        {
            if (count == registry.Length)
            {
                Array.Resize(ref registry, count * 2);
            }

            Id = count;
            registry[count] = this;
            count++;
        }
    }

    /// <summary>The member's number in the process-wide registry.</summary>
    public int Id { get; }

    public string EntityName { get; }

    public string PropertyName => Property.Name;

    /// <summary>The kind of data subject of the entity's rows, for the access log; null when it links none.</summary>
    public string? SubjectKind { get; }

    /// <summary>The entity that is the person the rows belong to; null when they link to none, or ambiguously.</summary>
    public Type? SubjectKindType { get; }

    internal AccessRuntime Access { get; }

    internal PrivacyEntityMetadata Entity { get; }

    internal PrivacyPropertyMetadata Property { get; }

    internal bool IsNullable { get; }

    internal bool IsLogged { get; }

    public static GuardedMember ById(int id) => Volatile.Read(ref registry)[id];

    public override string ToString() => $"{EntityName}.{PropertyName}";

    /// <summary>Whether the scope may read the value of a row whose data subject is <paramref name="rowSubject"/>.</summary>
    internal bool Allows(PrivacyScope? scope, object? rowSubject)
    {
        var decision = last;
        if (decision is null || !ReferenceEquals(decision.Scope, scope))
        {
            var allowed = Access.Policy.Allows(scope, Entity, Property);
            var ownRows = !allowed
                && scope is { IsSystem: false, Self: { } self }
                && SubjectKindType is { } kind && kind.IsAssignableFrom(self.Kind)
                && Access.Policy.AllowsSelf(scope, Entity, Property);
            decision = new Decision(scope, allowed, ownRows);
            last = decision;
        }

        return decision.Allowed || (decision.OwnRows && decision.Scope!.Self!.Owns(rowSubject));
    }

    private sealed record Decision(PrivacyScope? Scope, bool Allowed, bool OwnRows);
}
