namespace PrivacyEf;

/// <summary>Opens the ambient access scopes that every read of personal data is checked against.</summary>
public static class Privacy
{
    internal static readonly AsyncLocal<PrivacyScope?> CurrentScope = new();

    /// <summary>The innermost open scope of the current asynchronous flow, or null.</summary>
    /// <remarks>
    /// A scope disposed in another flow (a child task that inherited it) is closed for every flow: it is skipped here,
    /// so the flow falls back to the scope that enclosed it.
    /// </remarks>
    public static PrivacyScope? Current => PrivacyScope.OpenFrom(CurrentScope.Value);

    /// <summary>Opens an access scope for an actor reading personal data for a purpose in some roles.</summary>
    /// <param name="purpose">Why the data is read, such as <c>"support"</c>.</param>
    /// <param name="actor">Who reads, for the access log.</param>
    /// <param name="roles">The roles the actor acts in; grants are looked up by role.</param>
    /// <returns>The scope; dispose it to close it.</returns>
    public static PrivacyScope Access(string purpose, string actor, IEnumerable<string> roles) => Open(purpose, actor, roles, self: null);

    /// <summary>
    /// Opens an access scope for a data subject acting for themselves (a signed-in customer reading their profile):
    /// their own rows are open as far as the purpose allows the self (<see cref="PurposeOptions.AllowSelf"/>), everyone
    /// else's as far as <paramref name="roles"/> allow.
    /// </summary>
    /// <param name="purpose">Why the data is read, such as <c>"account"</c>.</param>
    /// <param name="actor">Who reads, for the access log: a stable id, never an e-mail.</param>
    /// <param name="roles">The roles the actor acts in, often none.</param>
    /// <param name="self">The data subject the actor is.</param>
    /// <returns>The scope; dispose it to close it.</returns>
    public static PrivacyScope Access(string purpose, string actor, IEnumerable<string> roles, PrivacySubject self)
    {
        ArgumentNullException.ThrowIfNull(self);
        return Open(purpose, actor, roles, self);
    }

    /// <summary>Opens a system scope, which sees every personal value and is logged with its reason.</summary>
    /// <param name="reason">Why the system needs the data, such as <c>"nightly purge"</c>.</param>
    /// <returns>The scope; dispose it to close it.</returns>
    public static PrivacyScope System(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Push(new PrivacyScope("system", "system", [], isSystem: true, reason, Current));
    }

    private static PrivacyScope Open(string purpose, string actor, IEnumerable<string> roles, PrivacySubject? self)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(roles);
        var roleList = roles.ToArray();
        if (Array.Exists(roleList, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A role of the access scope is null or blank.", nameof(roles));
        }

        return Push(new PrivacyScope(purpose, actor, roleList, isSystem: false, reason: null, Current, self));
    }

    private static PrivacyScope Push(PrivacyScope scope)
    {
        CurrentScope.Value = scope;
        return scope;
    }
}
