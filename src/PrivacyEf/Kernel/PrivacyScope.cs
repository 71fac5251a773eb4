namespace PrivacyEf;

/// <summary>
/// An ambient access scope: who reads personal data, in which roles and for which purpose. Opened with
/// <see cref="Privacy.Access"/> or <see cref="Privacy.System"/> and closed by disposing it; scopes nest.
/// </summary>
public sealed class PrivacyScope : IDisposable
{
    private readonly PrivacyScope? parent;
    private bool disposed;

    internal PrivacyScope(string purpose, string actor, IReadOnlyList<string> roles, bool isSystem, string? reason, PrivacyScope? parent)
    {
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

    /// <summary>
    /// A slot for what this scope disclosed that the access log has not written yet. Typed as object so the kernel
    /// does not depend on the access log; the access capability owns what it holds.
    /// </summary>
    internal object? PendingDisclosures;

    /// <summary>Closes the scope and restores the enclosing one.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Only the innermost scope may restore its parent; disposing an outer scope first leaves the
        // inner one in place rather than silently widening or narrowing access for the rest of the flow.
        if (ReferenceEquals(Privacy.CurrentScope.Value, this))
        {
            Privacy.CurrentScope.Value = parent;
        }
    }
}
