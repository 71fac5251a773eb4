using System.Security.Claims;

namespace PrivacyEf.AspNetCore;

/// <summary>How <c>UsePrivacyScopes</c> turns a request's user into an access scope.</summary>
public sealed class PrivacyScopeOptions
{
    /// <summary>
    /// The actor written to the access log; by default the user's stable id (the <see cref="ClaimTypes.NameIdentifier"/>
    /// claim), else "anonymous". Never the user's name by default: with ASP.NET Core Identity the name is the e-mail
    /// address, which would put personal data into every log entry.
    /// </summary>
    public Func<ClaimsPrincipal, string> Actor { get; set; } = user => user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? id : "anonymous";

    /// <summary>The roles grants are looked up by; by default the role claims of each of the user's identities.</summary>
    public Func<ClaimsPrincipal, IEnumerable<string>> Roles { get; set; } = user =>
        user.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(claim => claim.Value).Distinct(StringComparer.Ordinal);
}
