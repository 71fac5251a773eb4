using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PrivacyEf.Identity;

// Credentials and sign-in state: password, stamp, lockout, two-factor, tokens, external logins, passkeys.
internal sealed partial class ScopedUserStore<TUser>
{
    public Task SetPasswordHashAsync(TUser user, string? passwordHash, CancellationToken cancellationToken) =>
        RunAsync(() => passwords.SetPasswordHashAsync(user, passwordHash, cancellationToken));

    public Task<string?> GetPasswordHashAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => passwords.GetPasswordHashAsync(user, cancellationToken));

    public Task<bool> HasPasswordAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => passwords.HasPasswordAsync(user, cancellationToken));

    public Task SetSecurityStampAsync(TUser user, string stamp, CancellationToken cancellationToken) =>
        RunAsync(() => stamps.SetSecurityStampAsync(user, stamp, cancellationToken));

    public Task<string?> GetSecurityStampAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => stamps.GetSecurityStampAsync(user, cancellationToken));

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.GetLockoutEndDateAsync(user, cancellationToken));

    public Task SetLockoutEndDateAsync(TUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.SetLockoutEndDateAsync(user, lockoutEnd, cancellationToken));

    public Task<int> IncrementAccessFailedCountAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.IncrementAccessFailedCountAsync(user, cancellationToken));

    public Task ResetAccessFailedCountAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.ResetAccessFailedCountAsync(user, cancellationToken));

    public Task<int> GetAccessFailedCountAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.GetAccessFailedCountAsync(user, cancellationToken));

    public Task<bool> GetLockoutEnabledAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.GetLockoutEnabledAsync(user, cancellationToken));

    public Task SetLockoutEnabledAsync(TUser user, bool enabled, CancellationToken cancellationToken) =>
        RunAsync(() => lockouts.SetLockoutEnabledAsync(user, enabled, cancellationToken));

    public Task SetTwoFactorEnabledAsync(TUser user, bool enabled, CancellationToken cancellationToken) =>
        RunAsync(() => twoFactor.SetTwoFactorEnabledAsync(user, enabled, cancellationToken));

    public Task<bool> GetTwoFactorEnabledAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => twoFactor.GetTwoFactorEnabledAsync(user, cancellationToken));

    public Task SetTokenAsync(TUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        RunAsync(() => tokens.SetTokenAsync(user, loginProvider, name, value, cancellationToken));

    public Task RemoveTokenAsync(TUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        RunAsync(() => tokens.RemoveTokenAsync(user, loginProvider, name, cancellationToken));

    public Task<string?> GetTokenAsync(TUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        RunAsync(() => tokens.GetTokenAsync(user, loginProvider, name, cancellationToken));

    public Task SetAuthenticatorKeyAsync(TUser user, string key, CancellationToken cancellationToken) =>
        RunAsync(() => authenticatorKeys.SetAuthenticatorKeyAsync(user, key, cancellationToken));

    public Task<string?> GetAuthenticatorKeyAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => authenticatorKeys.GetAuthenticatorKeyAsync(user, cancellationToken));

    public Task ReplaceCodesAsync(TUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        RunAsync(() => recoveryCodeStore.ReplaceCodesAsync(user, recoveryCodes, cancellationToken));

    public Task<bool> RedeemCodeAsync(TUser user, string code, CancellationToken cancellationToken) =>
        RunAsync(() => recoveryCodeStore.RedeemCodeAsync(user, code, cancellationToken));

    public Task<int> CountCodesAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => recoveryCodeStore.CountCodesAsync(user, cancellationToken));

    public Task AddLoginAsync(TUser user, UserLoginInfo login, CancellationToken cancellationToken) =>
        RunAsync(() => logins.AddLoginAsync(user, login, cancellationToken));

    public Task RemoveLoginAsync(TUser user, string loginProvider, string providerKey, CancellationToken cancellationToken) =>
        RunAsync(() => logins.RemoveLoginAsync(user, loginProvider, providerKey, cancellationToken));

    public Task<IList<UserLoginInfo>> GetLoginsAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => logins.GetLoginsAsync(user, cancellationToken));

    public Task<TUser?> FindByLoginAsync(string loginProvider, string providerKey, CancellationToken cancellationToken) =>
        RunAsync(() => logins.FindByLoginAsync(loginProvider, providerKey, cancellationToken));

    public Task AddOrUpdatePasskeyAsync(TUser user, UserPasskeyInfo passkey, CancellationToken cancellationToken) =>
        RunAsync(() => passkeys.AddOrUpdatePasskeyAsync(user, passkey, cancellationToken));

    public Task<IList<UserPasskeyInfo>> GetPasskeysAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => passkeys.GetPasskeysAsync(user, cancellationToken));

    public Task<TUser?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        RunAsync(() => passkeys.FindByPasskeyIdAsync(credentialId, cancellationToken));

    public Task<UserPasskeyInfo?> FindPasskeyAsync(TUser user, byte[] credentialId, CancellationToken cancellationToken) =>
        RunAsync(() => passkeys.FindPasskeyAsync(user, credentialId, cancellationToken));

    public Task RemovePasskeyAsync(TUser user, byte[] credentialId, CancellationToken cancellationToken) =>
        RunAsync(() => passkeys.RemovePasskeyAsync(user, credentialId, cancellationToken));
}
