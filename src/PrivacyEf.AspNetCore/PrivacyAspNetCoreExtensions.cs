using Microsoft.AspNetCore.Http;
using PrivacyEf.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Per-request access scopes for ASP.NET Core.</summary>
public static class PrivacyAspNetCoreExtensions
{
    /// <summary>
    /// Opens a PrivacyEf access scope for each request to an endpoint with a declared purpose
    /// (<see cref="RequirePurpose{TBuilder}"/> or <see cref="RequirePurposeAttribute"/>), with the user's roles.
    /// Call it after <c>UseRouting</c> and <c>UseAuthentication</c>, so the endpoint and the user are known.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">Changes how the actor and the roles are read from the user.</param>
    /// <returns>The application, for chaining.</returns>
    public static IApplicationBuilder UsePrivacyScopes(this IApplicationBuilder app, Action<PrivacyScopeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new PrivacyScopeOptions();
        configure?.Invoke(options);
        return app.UseMiddleware<PrivacyScopeMiddleware>(options);
    }

    /// <summary>Declares the purpose for which the endpoint reads personal data.</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="purpose">The purpose, such as <c>"support"</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TBuilder RequirePurpose<TBuilder>(this TBuilder builder, string purpose)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new RequirePurposeAttribute(purpose);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
