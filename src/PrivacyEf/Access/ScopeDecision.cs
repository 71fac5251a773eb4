namespace PrivacyEf.Access;

/// <summary>What one scope may read of one entity type: a flag per personal property, computed once per scope.</summary>
/// <param name="policy">The policy decided by.</param>
/// <param name="scope">The scope decided for.</param>
/// <param name="allowed">Per personal property of the plan, whether the scope may read it in anyone's rows.</param>
/// <param name="ownRows">
/// For a scope acting for its own data subject: what it may read in that person's rows, when that is more; else null.
/// </param>
internal sealed class ScopeDecision(AccessPolicy policy, PrivacyScope? scope, bool[] allowed, ScopeDecision? ownRows)
{
    public AccessPolicy Policy { get; } = policy;

    public PrivacyScope? Scope { get; } = scope;

    public bool[] Allowed { get; } = allowed;

    public bool AllAllowed { get; } = Array.TrueForAll(allowed, a => a);

    public bool AnyAllowed { get; } = Array.Exists(allowed, a => a);

    public ScopeDecision? OwnRows { get; } = ownRows;

    /// <summary>The decision for one row: <see cref="OwnRows"/> when the row's subject is the scope's own.</summary>
    public ScopeDecision ForRow(object? rowSubject) =>
        OwnRows is { } own && Scope!.Self!.Owns(rowSubject) ? own : this;
}
