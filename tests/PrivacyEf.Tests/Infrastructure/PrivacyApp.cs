using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>
/// One application: its own service provider and its own Data Protection key ring (a directory), talking
/// to one database. Two apps made with the same key ring directory behave like two instances of one app.
/// </summary>
public sealed class PrivacyApp : IDisposable
{
    private readonly ServiceProvider services;
    private readonly bool ownsKeyRing;

    private PrivacyApp(DatabaseTarget target, string database, string? keyRingDirectory, Action<PrivacyOptions>? configure, TimeProvider? clock)
    {
        ownsKeyRing = keyRingDirectory is null;
        KeyRingDirectory = keyRingDirectory ?? Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
        Database = database;
        var collection = new ServiceCollection();
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        collection.AddDataProtection()
            .SetApplicationName("PrivacyEf.Tests")
            .PersistKeysToFileSystem(new DirectoryInfo(KeyRingDirectory));
        // These tests are about what is stored, not about access: reads outside a scope see the values
        // (the access tests keep the default, which masks them).
        collection.AddPrivacy(o =>
        {
            o.WithoutScope = UnscopedAccess.Disclose;
            configure?.Invoke(o);
        });
        collection.AddDbContextFactory<TestDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp).AddInterceptors(Sql), database));
        services = collection.BuildServiceProvider(validateScopes: true);
    }

    public string KeyRingDirectory { get; }

    /// <summary>The queries this app has sent.</summary>
    public SqlCapture Sql { get; } = new();

    public string Database { get; }

    public IServiceProvider Services => services;

    public static PrivacyApp Create(DatabaseTarget target, string? database = null, string? keyRingDirectory = null, Action<PrivacyOptions>? configure = null, TimeProvider? clock = null)
    {
        target.RequireAvailable();
        return new PrivacyApp(target, database ?? target.NewDatabaseName(), keyRingDirectory, configure, clock);
    }

    /// <summary>A second instance of this app: same key ring, same database, its own service provider.</summary>
    public PrivacyApp AnotherInstance(DatabaseTarget target, Action<PrivacyOptions>? configure = null, TimeProvider? clock = null) =>
        new(target, Database, KeyRingDirectory, configure, clock);

    public TestDbContext NewContext() => services.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

    public async Task<TestDbContext> CreateDatabaseAsync()
    {
        await using var context = NewContext();
        await context.Database.EnsureCreatedAsync();
        return NewContext();
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
                // Another instance made from this app may still hold it; temp cleanup gets it later.
            }
        }
    }
}
