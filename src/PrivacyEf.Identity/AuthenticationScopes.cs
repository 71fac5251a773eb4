using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace PrivacyEf.Identity;

/// <summary>
/// Opens the scope Identity's store calls run in: the authentication purpose, with the one role PrivacyEf.Identity grants
/// it, acting for the signed-in user when there is one (by their stable id, never their name or e-mail) and as
/// <see cref="PrivacyIdentityOptions.SignInActor"/> before anyone is signed in.
/// </summary>
internal sealed class AuthenticationScopes(PrivacyIdentityOptions options, IHttpContextAccessor? httpContext = null)
{
    public PrivacyScope Open() => Privacy.Access(options.Purpose, Actor(), [PrivacyIdentityOptions.Role]);

    private string Actor() =>
        httpContext?.HttpContext?.User is { Identity.IsAuthenticated: true } user
        && user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id
            ? id
            : options.SignInActor;
}
