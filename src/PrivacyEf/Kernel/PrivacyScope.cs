namespace PrivacyEf;

/// <summary>
/// An ambient access scope: who reads personal data, in which roles and for which purpose. Opened with
/// <see cref="Privacy.Access(string, string, IEnumerable{string})"/> or <see cref="Privacy.System"/> and closed by disposing it; scopes nest.
/// </summary>
public sealed class PrivacyScope : IDisposable
{
    private readonly PrivacyScope? parent;
    // Read by every flow that inherited the scope; written by the one that closes it.
    private volatile bool disposed;

    internal PrivacyScope(string purpose, string actor, IReadOnlyList<string> roles, bool isSystem, string? reason, PrivacyScope? parent, PrivacySubject? self = null)
    {
        Self = self;
        Purpose = purpose;
        Actor = actor;
        Roles = roles;
        IsSystem = isSystem;
        Reason = reason;
        this.parent = parent;
    }

    /// <summary>The purpose the data is read for.</summary>
    public string Purpose { get; }

    /// <summary>Who reads: a user name, an agent id or a job name.</summary>
    public string Actor { get; }

    /// <summary>The roles the actor acts in.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Whether this is a system scope, which sees everything and is logged with its reason.</summary>
    public bool IsSystem { get; }

    /// <summary>Why a system scope was opened; null for ordinary access scopes.</summary>
    public string? Reason { get; }

    /// <summary>The data subject the actor is, when they act for themselves; null otherwise.</summary>
    public PrivacySubject? Self { get; }

    /// <summary>
    /// A slot for what this scope disclosed that the access log has not written yet. Typed as object so the kernel
    /// does not depend on the access log; the access capability owns what it holds.
    /// </summary>
    internal object? PendingDisclosures;

    /// <summary>Closes the scope and restores the enclosing one.</summary>
    /// <exception cref="InvalidOperationException">An inner scope of this flow is still open: scopes close innermost first.</exception>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        // Closing an outer scope while an inner one is open would either leave the inner one current past its
        // outer's end or silently widen or narrow access for the rest of the flow: refuse, naming both.
        var innermost = Privacy.Current;
        if (innermost is not null && !ReferenceEquals(innermost, this) && innermost.IsNestedIn(this))
        {
            throw new InvalidOperationException($"The privacy scope {this} cannot be closed before the scope opened inside it, {innermost}: dispose scopes innermost first.");
        }

        disposed = true;
        if (ReferenceEquals(innermost, this))
        {
            Privacy.CurrentScope.Value = OpenFrom(parent);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        IsSystem ? $"System(\"{Reason}\")" : $"Access(purpose: \"{Purpose}\", actor: \"{Actor}\")";

    /// <summary>The first scope, from <paramref name="scope"/> outwards, that is still open.</summary>
    internal static PrivacyScope? OpenFrom(PrivacyScope? scope)
    {
        while (scope is { disposed: true })
        {
            scope = scope.parent;
        }

        return scope;
    }

    private bool IsNestedIn(PrivacyScope outer)
    {
        for (var scope = parent; scope is not null; scope = scope.parent)
        {
            if (ReferenceEquals(scope, outer))
            {
                return true;
            }
        }

        return false;
    }
}
