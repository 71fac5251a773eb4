using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>
/// One application: its own service provider and its own Data Protection key ring (a directory), talking to one
/// database through <typeparamref name="TContext"/>, with a capture of the SQL it sends. Two apps made with the same
/// key ring directory and database behave like two instances of one application.
/// </summary>
/// <typeparam name="TContext">The application's context.</typeparam>
public class TestApp<TContext> : IDisposable
    where TContext : DbContext
{
    private readonly ServiceProvider services;
    private readonly bool ownsKeyRing;
    private bool disposed;

    public TestApp(DatabaseTarget target, TestAppSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.RequireAvailable();
        Settings = settings ?? new TestAppSettings();
        Target = target;
        ownsKeyRing = Settings.KeyRingDirectory is null;
        KeyRingDirectory = Settings.KeyRingDirectory ?? Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
        Database = Settings.Database ?? target.NewDatabaseName();

        var collection = new ServiceCollection();
        if (Settings.Clock is { } clock)
        {
            collection.AddSingleton(clock);
        }

        collection.AddDataProtection()
            .SetApplicationName(Settings.ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(KeyRingDirectory));
        collection.AddPrivacy(o =>
        {
            if (Settings.DiscloseWithoutScope)
            {
                o.WithoutScope = UnscopedAccess.Disclose;
            }

            Settings.ConfigurePrivacy?.Invoke(o);
        });
        collection.AddDbContextFactory<TContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp).AddInterceptors(Sql), Database));
        Settings.ConfigureServices?.Invoke(collection);
        services = collection.BuildServiceProvider(validateScopes: true);
    }

    public TestAppSettings Settings { get; }

    public DatabaseTarget Target { get; }

    public string KeyRingDirectory { get; }

    public string Database { get; }

    /// <summary>The queries this app has sent.</summary>
    public SqlCapture Sql { get; } = new();

    public IServiceProvider Services => services;

    public TContext NewContext() => services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();

    /// <summary>Creates the database's schema.</summary>
    public async Task EnsureCreatedAsync()
    {
        await using var context = NewContext();
        await context.Database.EnsureCreatedAsync();
    }

    /// <summary>Creates the database's schema and returns a new context on it.</summary>
    public async Task<TContext> CreateDatabaseAsync()
    {
        await EnsureCreatedAsync();
        return NewContext();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }

        disposed = true;
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
