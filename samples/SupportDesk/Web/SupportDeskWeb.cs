using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Accounts;

namespace SupportDesk.Web;

/// <summary>
/// The web mode's set-up, shared by <see cref="WebMode"/> and the end-to-end tests: Identity signs people in (cookies),
/// each endpoint declares its purpose, and each request gets an access scope from the user's roles and, for their own
/// account, from who they are.
/// </summary>
public static class SupportDeskWeb
{
    /// <summary>Identity with cookies on <typeparamref name="TAccountsDb"/>; the databases and AddSupportDeskPrivacy are the caller's.</summary>
    public static IServiceCollection AddSupportDeskWeb<TAccountsDb>(this IServiceCollection services)
        where TAccountsDb : AccountsDb
    {
        services.AddSupportDeskAccounts<TAccountsDb>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();

        // An API answers 401 and 403; it does not redirect to a login page.
        services.ConfigureApplicationCookie(o =>
        {
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Authentication, then a scope per request (roles, and the signed-in person for their own data), then the endpoints.</summary>
    public static IApplicationBuilder UseSupportDeskWeb(this IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UsePrivacyScopes(o => o.SelfFromClaim<SupportUser>());
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapAccountEndpoints();
            endpoints.MapSupportEndpoints();
        });
        return app;
    }
}
