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

    /// <summary>
    /// The data subject a signed-in user is, for purposes that allow the self (<c>PurposeOptions.AllowSelf</c>); null
    /// (the default) when users are not data subjects of the model. Set it with <see cref="SelfFromClaim{TSubject}"/>.
    /// </summary>
    public Func<ClaimsPrincipal, PrivacySubject?>? Self { get; set; }

    /// <summary>
    /// Makes a signed-in user the data subject of kind <typeparamref name="TSubject"/> whose id is the value of
    /// <paramref name="claimType"/> (by default the user's stable id), so that they may read and change their own rows.
    /// </summary>
    /// <typeparam name="TSubject">The entity that is the person, such as <c>Customer</c> or an Identity user class.</typeparam>
    /// <param name="claimType">The claim that holds the person's id.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyScopeOptions SelfFromClaim<TSubject>(string claimType = ClaimTypes.NameIdentifier)
        where TSubject : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimType);

        // Only an authenticated identity is anyone: a claim on an identity nobody signed in (an anonymous principal, or
        // one a claims transformation added beside the signed-in one) was not issued by the sign-in.
        Self = user => user.Identity is { IsAuthenticated: true }
            && user.Identities.Where(identity => identity.IsAuthenticated).Select(identity => identity.FindFirst(claimType)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value)) is { } id
            ? PrivacySubject.Of<TSubject>(id)
            : null;
        return this;
    }
}
