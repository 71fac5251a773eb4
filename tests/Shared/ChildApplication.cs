using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Tests.Children;

/// <summary>
/// The set-up every child process the tests start shares: another instance of a test application, with the tests'
/// key ring and database, on SQLite or PostgreSQL. Linked into each child project.
/// </summary>
internal static class ChildApplication
{
    public static async Task<(ServiceProvider Services, TContext Context)> StartAsync<TContext>(
        string databaseKind, string connectionString, string keyRing, string applicationName, Action<PrivacyOptions>? configure = null)
        where TContext : DbContext
    {
        var services = new ServiceCollection();
        services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        services.AddPrivacy(o => configure?.Invoke(o));
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            if (databaseKind == "postgres")
            {
                options.UseNpgsql(connectionString);
            }
            else
            {
                options.UseSqlite(connectionString);
            }

            options.UsePrivacy(sp);
        });
        var provider = services.BuildServiceProvider();
        return (provider, await provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync());
    }
}
