using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PrivacyEf.Identity;

// The account itself: names, e-mail, phone, roles and claims.
internal sealed partial class ScopedUserStore<TUser>
{
    public Task<string> GetUserIdAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => users.GetUserIdAsync(user, cancellationToken));

    public Task<string?> GetUserNameAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => users.GetUserNameAsync(user, cancellationToken));

    public Task SetUserNameAsync(TUser user, string? userName, CancellationToken cancellationToken) =>
        RunAsync(() => users.SetUserNameAsync(user, userName, cancellationToken));

    public Task<string?> GetNormalizedUserNameAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => users.GetNormalizedUserNameAsync(user, cancellationToken));

    public Task SetNormalizedUserNameAsync(TUser user, string? normalizedName, CancellationToken cancellationToken) =>
        RunAsync(() => users.SetNormalizedUserNameAsync(user, normalizedName, cancellationToken));

    public Task<IdentityResult> CreateAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => users.CreateAsync(user, cancellationToken));

    public Task<IdentityResult> UpdateAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => users.UpdateAsync(user, cancellationToken));

    public Task<IdentityResult> DeleteAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => users.DeleteAsync(user, cancellationToken));

    public Task<TUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        RunAsync(() => users.FindByIdAsync(userId, cancellationToken));

    public Task<TUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        RunAsync(() => users.FindByNameAsync(normalizedUserName, cancellationToken));

    public Task SetEmailAsync(TUser user, string? email, CancellationToken cancellationToken) =>
        RunAsync(() => emails.SetEmailAsync(user, email, cancellationToken));

    public Task<string?> GetEmailAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => emails.GetEmailAsync(user, cancellationToken));

    public Task<bool> GetEmailConfirmedAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => emails.GetEmailConfirmedAsync(user, cancellationToken));

    public Task SetEmailConfirmedAsync(TUser user, bool confirmed, CancellationToken cancellationToken) =>
        RunAsync(() => emails.SetEmailConfirmedAsync(user, confirmed, cancellationToken));

    public Task<TUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        RunAsync(() => emails.FindByEmailAsync(normalizedEmail, cancellationToken));

    public Task<string?> GetNormalizedEmailAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => emails.GetNormalizedEmailAsync(user, cancellationToken));

    public Task SetNormalizedEmailAsync(TUser user, string? normalizedEmail, CancellationToken cancellationToken) =>
        RunAsync(() => emails.SetNormalizedEmailAsync(user, normalizedEmail, cancellationToken));

    public Task SetPhoneNumberAsync(TUser user, string? phoneNumber, CancellationToken cancellationToken) =>
        RunAsync(() => phones.SetPhoneNumberAsync(user, phoneNumber, cancellationToken));

    public Task<string?> GetPhoneNumberAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => phones.GetPhoneNumberAsync(user, cancellationToken));

    public Task<bool> GetPhoneNumberConfirmedAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => phones.GetPhoneNumberConfirmedAsync(user, cancellationToken));

    public Task SetPhoneNumberConfirmedAsync(TUser user, bool confirmed, CancellationToken cancellationToken) =>
        RunAsync(() => phones.SetPhoneNumberConfirmedAsync(user, confirmed, cancellationToken));

    public Task AddToRoleAsync(TUser user, string roleName, CancellationToken cancellationToken) =>
        RunAsync(() => roles.AddToRoleAsync(user, roleName, cancellationToken));

    public Task RemoveFromRoleAsync(TUser user, string roleName, CancellationToken cancellationToken) =>
        RunAsync(() => roles.RemoveFromRoleAsync(user, roleName, cancellationToken));

    public Task<IList<string>> GetRolesAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => roles.GetRolesAsync(user, cancellationToken));

    public Task<bool> IsInRoleAsync(TUser user, string roleName, CancellationToken cancellationToken) =>
        RunAsync(() => roles.IsInRoleAsync(user, roleName, cancellationToken));

    public Task<IList<TUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        RunAsync(() => roles.GetUsersInRoleAsync(roleName, cancellationToken));

    public Task<IList<Claim>> GetClaimsAsync(TUser user, CancellationToken cancellationToken) =>
        RunAsync(() => claimStore.GetClaimsAsync(user, cancellationToken));

    public Task AddClaimsAsync(TUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken) =>
        RunAsync(() => claimStore.AddClaimsAsync(user, claims, cancellationToken));

    public Task ReplaceClaimAsync(TUser user, Claim claim, Claim newClaim, CancellationToken cancellationToken) =>
        RunAsync(() => claimStore.ReplaceClaimAsync(user, claim, newClaim, cancellationToken));

    public Task RemoveClaimsAsync(TUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken) =>
        RunAsync(() => claimStore.RemoveClaimsAsync(user, claims, cancellationToken));

    public Task<IList<TUser>> GetUsersForClaimAsync(Claim claim, CancellationToken cancellationToken) =>
        RunAsync(() => claimStore.GetUsersForClaimAsync(claim, cancellationToken));
}
