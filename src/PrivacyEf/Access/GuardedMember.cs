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

    internal GuardedMember(AccessRuntime access, PrivacyEntityMetadata entity, PrivacyPropertyMetadata property, bool nullable, bool logged, string? subjectKind)
    {
        SubjectKind = subjectKind;
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

    internal AccessRuntime Access { get; }

    internal PrivacyEntityMetadata Entity { get; }

    internal PrivacyPropertyMetadata Property { get; }

    internal bool IsNullable { get; }

    internal bool IsLogged { get; }

    public static GuardedMember ById(int id) => Volatile.Read(ref registry)[id];

    public override string ToString() => $"{EntityName}.{PropertyName}";

    internal bool Allows(PrivacyScope? scope)
    {
        var decision = last;
        if (decision is null || !ReferenceEquals(decision.Scope, scope))
        {
            decision = new Decision(scope, Access.Policy.Allows(scope, Entity, Property));
            last = decision;
        }

        return decision.Allowed;
    }

    private sealed record Decision(PrivacyScope? Scope, bool Allowed);
}
