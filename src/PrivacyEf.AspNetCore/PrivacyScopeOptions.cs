using System.Security.Claims;

namespace PrivacyEf.AspNetCore;

/// <summary>How <c>UsePrivacyScopes</c> turns a request's user into an access scope.</summary>
public sealed class PrivacyScopeOptions
{
    /// <summary>The actor written to the access log; by default the user's name, else "anonymous".</summary>
    public Func<ClaimsPrincipal, string> Actor { get; set; } = user => user.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    /// <summary>The roles grants are looked up by; by default the role claims of each of the user's identities.</summary>
    public Func<ClaimsPrincipal, IEnumerable<string>> Roles { get; set; } = user =>
        user.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(claim => claim.Value).Distinct(StringComparer.Ordinal);
}
