using Microsoft.AspNetCore.Identity;

namespace PrivacyEf.Identity;

/// <summary>
/// Puts every call ASP.NET Core Identity makes to its user store into the narrow authentication scope
/// (<see cref="AuthenticationScopes"/>): the store is where Identity reads and writes its tables, so signing in, the
/// security-stamp check, lockout, tokens and account changes see real values wherever they are called from (before
/// <c>UsePrivacyScopes</c>, in a request's scope that may not see them, or outside any request), and nothing else
/// does. The scope closes when the call ends; the caller's own scope is current again.
/// </summary>
/// <remarks>
/// <see cref="Users"/> is the exception: it hands out a query the caller runs later, in the caller's scope, so a page
/// listing users shows what that caller may see.
/// </remarks>
internal sealed partial class ScopedUserStore<TUser> :
    IUserLoginStore<TUser>,
    IUserClaimStore<TUser>,
    IUserPasswordStore<TUser>,
    IUserSecurityStampStore<TUser>,
    IUserEmailStore<TUser>,
    IUserLockoutStore<TUser>,
    IUserPhoneNumberStore<TUser>,
    IQueryableUserStore<TUser>,
    IUserTwoFactorStore<TUser>,
    IUserAuthenticationTokenStore<TUser>,
    IUserAuthenticatorKeyStore<TUser>,
    IUserTwoFactorRecoveryCodeStore<TUser>,
    IUserRoleStore<TUser>,
    IUserPasskeyStore<TUser>
    where TUser : class
{
    private readonly IUserStore<TUser> users;
    private readonly IUserLoginStore<TUser> logins;
    private readonly IUserClaimStore<TUser> claimStore;
    private readonly IUserPasswordStore<TUser> passwords;
    private readonly IUserSecurityStampStore<TUser> stamps;
    private readonly IUserEmailStore<TUser> emails;
    private readonly IUserLockoutStore<TUser> lockouts;
    private readonly IUserPhoneNumberStore<TUser> phones;
    private readonly IQueryableUserStore<TUser> queryable;
    private readonly IUserTwoFactorStore<TUser> twoFactor;
    private readonly IUserAuthenticationTokenStore<TUser> tokens;
    private readonly IUserAuthenticatorKeyStore<TUser> authenticatorKeys;
    private readonly IUserTwoFactorRecoveryCodeStore<TUser> recoveryCodeStore;
    private readonly IUserRoleStore<TUser> roles;
    private readonly IUserPasskeyStore<TUser> passkeys;
    private readonly AuthenticationScopes scopes;

    public ScopedUserStore(IUserStore<TUser> inner, AuthenticationScopes scopes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.scopes = scopes;

        // The store promises Identity every feature the inner store has, so the inner store must have them all: a
        // decorator that claimed a feature it cannot serve would fail later, in the middle of a sign-in.
        var missing = typeof(ScopedUserStore<TUser>).GetInterfaces()
            .Where(i => i.IsGenericType && !i.IsInstanceOfType(inner))
            .Select(i => i.Name.Split('`')[0])
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"AddPrivacyIdentity<{typeof(TUser).Name}> needs Identity's Entity Framework Core store (AddEntityFrameworkStores), or a store with all of its features; {inner.GetType().Name} lacks {string.Join(", ", missing)}.");
        }

        users = inner;
        logins = (IUserLoginStore<TUser>)inner;
        claimStore = (IUserClaimStore<TUser>)inner;
        passwords = (IUserPasswordStore<TUser>)inner;
        stamps = (IUserSecurityStampStore<TUser>)inner;
        emails = (IUserEmailStore<TUser>)inner;
        lockouts = (IUserLockoutStore<TUser>)inner;
        phones = (IUserPhoneNumberStore<TUser>)inner;
        queryable = (IQueryableUserStore<TUser>)inner;
        twoFactor = (IUserTwoFactorStore<TUser>)inner;
        tokens = (IUserAuthenticationTokenStore<TUser>)inner;
        authenticatorKeys = (IUserAuthenticatorKeyStore<TUser>)inner;
        recoveryCodeStore = (IUserTwoFactorRecoveryCodeStore<TUser>)inner;
        roles = (IUserRoleStore<TUser>)inner;
        passkeys = (IUserPasskeyStore<TUser>)inner;
    }

    /// <summary>The users as a query, run later in the caller's scope (see the remarks on the class).</summary>
    public IQueryable<TUser> Users => queryable.Users;

    public void Dispose() => users.Dispose();

    // Async, so the scope opened here is current for the inner call and all it awaits, and never leaks to the caller.
    private async Task RunAsync(Func<Task> call)
    {
        using var scope = scopes.Open();
        await call().ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        using var scope = scopes.Open();
        return await call().ConfigureAwait(false);
    }
}
