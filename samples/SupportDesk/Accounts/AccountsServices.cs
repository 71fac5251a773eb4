using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SupportDesk.Accounts;

/// <summary>ASP.NET Core Identity for the support desk, on PrivacyEf.</summary>
public static class AccountsServices
{
    /// <summary>Identity's user manager, roles, sign-in and tokens on <typeparamref name="TDb"/>, made private by AddPrivacyIdentity.</summary>
    public static IServiceCollection AddSupportDeskAccounts<TDb>(this IServiceCollection services)
        where TDb : AccountsDb
    {
        services.AddIdentityCore<SupportUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<TDb>();

        // The one call: Identity's columns encrypted, its work in the logged "authentication" scope, its tables in
        // export and erasure.
        services.AddPrivacyIdentity<SupportUser>();
        return services;
    }

    public static IServiceCollection AddSqliteAccountsDb(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<AccountsDb>((sp, o) => o.UseSqlite(connectionString).UsePrivacy(sp));

    public static IServiceCollection AddPostgresAccountsDb(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<PostgresAccountsDb>((sp, o) => o.UseNpgsql(connectionString).UsePrivacy(sp));
}
