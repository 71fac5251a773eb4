using System.Security.Claims;
using PrivacyEf.AspNetCore;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on <c>SelfFromClaim</c>: it checks that the principal's primary identity is authenticated, then takes the id
/// claim from any of the principal's identities. A user signed in without that claim (a JWT whose "sub" is not mapped
/// to NameIdentifier) who also carries an identity nobody authenticated (added by claims transformation from request
/// data) becomes whichever person that unauthenticated identity names.
/// </summary>
public sealed class SelfClaimIdentityTests
{
    [Fact]
    public void The_self_is_taken_only_from_an_identity_that_was_signed_in()
    {
        var signedIn = new ClaimsIdentity([new Claim("sub", "1")], "Bearer");
        var unauthenticated = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "2")]);
        var user = new ClaimsPrincipal([signedIn, unauthenticated]);

        var self = new PrivacyScopeOptions().SelfFromClaim<Shopper>().Self!(user);

        Assert.Null(self);
    }
}
