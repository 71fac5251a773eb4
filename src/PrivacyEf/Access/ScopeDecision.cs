namespace PrivacyEf.Access;

/// <summary>What one scope may read of one entity type: a flag per personal property, computed once per scope.</summary>
internal sealed class ScopeDecision(AccessPolicy policy, PrivacyScope? scope, bool[] allowed)
{
    public AccessPolicy Policy { get; } = policy;

    public PrivacyScope? Scope { get; } = scope;

    public bool[] Allowed { get; } = allowed;

    public bool AllAllowed { get; } = Array.TrueForAll(allowed, a => a);

    public bool AnyAllowed { get; } = Array.Exists(allowed, a => a);
}
