using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Retention.Model;

namespace PrivacyEf.Tests.Retention;

/// <summary>
/// One application on <see cref="RetentionDbContext"/>: its own service provider and Data Protection key ring,
/// talking to one database; <paramref name="configureServices"/> adds what a test needs (the hosted purge).
/// </summary>
public sealed class RetentionApp : IDisposable
{
    private readonly ServiceProvider services;
    private readonly bool ownsKeyRing;

    public RetentionApp(DatabaseTarget target, string? database = null, string? keyRingDirectory = null, Action<IServiceCollection>? configureServices = null)
    {
        target.RequireAvailable();
        Target = target;
        ownsKeyRing = keyRingDirectory is null;
        KeyRingDirectory = keyRingDirectory ?? Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
        Database = database ?? target.NewDatabaseName();
        var collection = new ServiceCollection();
        collection.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(KeyRingDirectory));
        // These tests are about the purge, not about access: reads outside a scope see the values.
        collection.AddPrivacy(o => o.WithoutScope = UnscopedAccess.Disclose);
        collection.AddDbContextFactory<RetentionDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), Database));
        configureServices?.Invoke(collection);
        services = collection.BuildServiceProvider(validateScopes: true);
    }

    public const string ApplicationName = "PrivacyEf.Tests.Retention";

    public DatabaseTarget Target { get; }

    public string KeyRingDirectory { get; }

    public string Database { get; }

    public IServiceProvider Services => services;

    public RetentionApp AnotherInstance() => new(Target, Database, KeyRingDirectory);

    public RetentionDbContext NewContext() => services.GetRequiredService<IDbContextFactory<RetentionDbContext>>().CreateDbContext();

    public async Task CreateDatabaseAsync()
    {
        await using var context = NewContext();
        await context.Database.EnsureCreatedAsync();
    }

    public void Dispose()
    {
        services.Dispose();
        if (ownsKeyRing)
        {
            try
            {
                Directory.Delete(KeyRingDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Another instance may still hold it; temp cleanup gets it later.
            }
        }
    }
}
