using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Redaction;

/// <summary>One application with the <see cref="RedactionDbContext"/>, its own key ring and a recording observer.</summary>
public sealed class RedactionApp : IDisposable
{
    private readonly ServiceProvider services;
    private readonly bool ownsKeyRing;

    private RedactionApp(DatabaseTarget target, string database, string? keyRingDirectory, Action<PrivacyOptions>? configure)
    {
        ownsKeyRing = keyRingDirectory is null;
        KeyRingDirectory = keyRingDirectory ?? Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
        Database = database;
        var collection = new ServiceCollection();
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
        collection.AddSingleton(Observer);
        collection.AddSingleton<IRedactionObserver>(sp => sp.GetRequiredService<RecordingObserver>());
        collection.AddDbContextFactory<RedactionDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), database));
        services = collection.BuildServiceProvider(validateScopes: true);
    }

    public string KeyRingDirectory { get; }

    public string Database { get; }

    public RecordingObserver Observer { get; } = new();

    public IServiceProvider Services => services;

    public static RedactionApp Create(DatabaseTarget target, Action<PrivacyOptions>? configure = null)
    {
        target.RequireAvailable();
        return new RedactionApp(target, target.NewDatabaseName(), null, configure);
    }

    /// <summary>Another instance of this app (same key ring and database, a new service provider), possibly configured differently.</summary>
    public RedactionApp AnotherInstance(DatabaseTarget target, Action<PrivacyOptions>? configure = null) => new(target, Database, KeyRingDirectory, configure);

    /// <summary>An application that redacts nothing: it writes the history that existed before redaction was turned on.</summary>
    public RedactionApp LegacyInstance(DatabaseTarget target) => AnotherInstance(target, o =>
    {
        foreach (var type in Enum.GetValues<PiiType>())
        {
            o.Redaction.Ignore(type);
        }
    });

    public RedactionDbContext NewContext() => services.GetRequiredService<IDbContextFactory<RedactionDbContext>>().CreateDbContext();

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
