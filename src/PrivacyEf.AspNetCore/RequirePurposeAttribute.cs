namespace PrivacyEf.AspNetCore;

/// <summary>
/// Endpoint metadata: the purpose for which the endpoint reads personal data. <c>UsePrivacyScopes</c> opens an access
/// scope for it with the user's roles. Put it on a controller or action, or add it with <c>RequirePurpose</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequirePurposeAttribute : Attribute
{
    /// <summary>Declares the endpoint's purpose.</summary>
    /// <param name="purpose">The purpose, such as <c>"support"</c>.</param>
    public RequirePurposeAttribute(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        Purpose = purpose;
    }

    /// <summary>The purpose.</summary>
    public string Purpose { get; }
}
