namespace PrivacyEf.Identity;

/// <summary>How <c>AddPrivacyIdentity</c> scopes ASP.NET Core Identity's own work.</summary>
public sealed class PrivacyIdentityOptions
{
    /// <summary>The role PrivacyEf.Identity grants the authentication purpose to; only its own scopes carry it.</summary>
    internal const string Role = "privacyef:identity";

    /// <summary>
    /// The purpose Identity's store calls run under, as the access log records it; "authentication" by default. It covers
    /// Identity's tables only (<see cref="PurposeOptions.CoversOnly"/>), whatever other grants name it.
    /// </summary>
    public string Purpose { get; set; } = "authentication";

    /// <summary>
    /// The actor the access log records for Identity's work before anyone is signed in (a sign-in, a registration, the
    /// security-stamp check of a cookie); once a user is signed in, it is their stable id.
    /// </summary>
    public string SignInActor { get; set; } = "identity";
}
