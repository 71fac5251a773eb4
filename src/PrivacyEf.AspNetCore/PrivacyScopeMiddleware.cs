using Microsoft.AspNetCore.Http;

namespace PrivacyEf.AspNetCore;

/// <summary>
/// Opens an access scope around each request to an endpoint that declares its purpose. Requests to other endpoints
/// run without a scope, so they see nothing personal (unless the application configured otherwise).
/// </summary>
internal sealed class PrivacyScopeMiddleware(RequestDelegate next, PrivacyScopeOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequirePurposeAttribute>() is not { } declared)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var user = context.User;
        var roles = options.Roles(user).Where(role => !string.IsNullOrWhiteSpace(role)).ToArray();
        var actor = options.Actor(user);
        actor = string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor;
        using (options.Self?.Invoke(user) is { } self
            ? Privacy.Access(declared.Purpose, actor, roles, self)
            : Privacy.Access(declared.Purpose, actor, roles))
        {
            await next(context).ConfigureAwait(false);
        }
    }
}
