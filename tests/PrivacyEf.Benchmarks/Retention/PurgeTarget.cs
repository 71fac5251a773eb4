using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Benchmarks.Retention;

/// <summary>A database the purge benchmarks run on: SQLite files in a temp folder, or a throwaway PostgreSQL cluster.</summary>
public sealed class PurgeTarget : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-bench-").FullName;
    private readonly PostgresCluster? cluster;

    private PurgeTarget(string name, PostgresCluster? cluster)
    {
        Name = name;
        this.cluster = cluster;
    }

    public string Name { get; }

    public bool IsPostgres => cluster is not null;

    public static PurgeTarget Sqlite() => new("SQLite", null);

    public static async Task<PurgeTarget?> PostgresAsync()
    {
        if (PostgresCluster.UnavailableReason is { } reason)
        {
            Console.WriteLine($"PostgreSQL skipped: {reason}");
            return null;
        }

        return new PurgeTarget("PostgreSQL", await PostgresCluster.StartAsync());
    }

    /// <summary>A new, empty database with the benchmark schema, and the services of one application on it.</summary>
    public async Task<PurgeApp> CreateAsync()
    {
        var database = "b" + Guid.NewGuid().ToString("N");
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPrivacy();
        services.AddDbContextFactory<PurgeDb>((sp, options) =>
        {
            if (cluster is not null)
            {
                options.UseNpgsql(cluster.ConnectionString(database));
            }
            else
            {
                options.UseSqlite($"Data Source={Path.Combine(directory, database + ".db")};Pooling=False");
            }

            options.UsePrivacy(sp);
            if (Environment.GetEnvironmentVariable("PRIVACYEF_BENCH_SQL") == "1")
            {
                options.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted]);
            }
        });
        var app = new PurgeApp(services.BuildServiceProvider(), IsPostgres);
        await using var db = app.NewContext();
        await db.Database.EnsureCreatedAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }
}
