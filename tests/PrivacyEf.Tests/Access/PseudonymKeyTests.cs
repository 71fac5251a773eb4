using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access;
using PrivacyEf.Kernel;
using PrivacyEf.Redaction;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// Masking and redaction take their pseudonym keys from one source, the application's Data Protection key ring, each
/// under its own purpose. Before, the masking key was random per process: every instance and every restart gave
/// other <see cref="MaskStyle.Pseudonym"/> tokens for the same value.
/// </summary>
public sealed class PseudonymKeyTests : IDisposable
{
    private const string Address = "203.0.113.7";

    private readonly SqliteTarget sqlite = new();
    private readonly List<string> directories = [];

    [Fact]
    public async Task Masking_pseudonyms_are_the_same_on_instances_that_share_a_key_ring_and_after_a_restart()
    {
        var ring = NewDirectory();
        var database = sqlite.NewDatabaseName();
        string first, second, restarted, stranger;
        await using (var instance = Start(ring, database))
        {
            await SeedAsync(instance);
            await using var other = Start(ring, database);
            first = await ReadMaskedAsync(instance);
            second = await ReadMaskedAsync(other);
        }

        await using (var restart = Start(ring, database))
        {
            restarted = await ReadMaskedAsync(restart);
        }

        await using (var otherApplication = Start(NewDirectory(), database))
        {
            stranger = await ReadMaskedAsync(otherApplication);
        }

        Assert.StartsWith("psn_", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(first, restarted);
        Assert.NotEqual(first, stranger);
        Assert.StartsWith("psn_", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_takes_the_place_of_the_key_ring()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var database = sqlite.NewDatabaseName();
        await using var instance = Start(NewDirectory(), database, key);
        await using var otherRing = Start(NewDirectory(), database, key);
        await SeedAsync(instance);

        Assert.Equal(await ReadMaskedAsync(instance), await ReadMaskedAsync(otherRing));
    }

    [Fact]
    public async Task Masking_and_redaction_get_keys_of_their_own_from_the_one_source()
    {
        await using var instance = Start(NewDirectory(), sqlite.NewDatabaseName());
        await using var db = instance.GetRequiredService<IDbContextFactory<VisitorDbContext>>().CreateDbContext();
        var keys = PrivacyKernel.Of(db).Get<PseudonymKeySource>();

        var masking = keys.KeyFor(AccessRuntime.PseudonymPurpose);
        var redaction = keys.KeyFor(RedactionRuntime.PseudonymPurpose);
        Assert.Equal(32, masking.Length);
        Assert.Equal(32, redaction.Length);
        Assert.NotEqual(masking, redaction);
        Assert.Same(masking, keys.KeyFor(AccessRuntime.PseudonymPurpose));
    }

    public void Dispose()
    {
        sqlite.Dispose();
        foreach (var directory in directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Temp cleanup gets it later.
            }
        }
    }

    private string NewDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
        directories.Add(directory);
        return directory;
    }

    /// <summary>One application instance: its own service provider, on the key ring in <paramref name="ring"/>.</summary>
    private ServiceProvider Start(string ring, string database, byte[]? configuredKey = null)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(ring));
        services.AddPrivacy(o => o.Redaction.PseudonymKey = configuredKey);
        services.AddDbContextFactory<VisitorDbContext>((sp, options) => sqlite.UseDatabase(options.UsePrivacy(sp), database));
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static async Task SeedAsync(IServiceProvider instance)
    {
        await using var db = instance.GetRequiredService<IDbContextFactory<VisitorDbContext>>().CreateDbContext();
        await db.Database.EnsureCreatedAsync();
        using (Privacy.System("seeding the test database"))
        {
            db.Visitors.Add(new Visitor { Id = 1, IpAddress = Address });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The address as a reader outside any scope sees it: masked.</summary>
    private static async Task<string> ReadMaskedAsync(IServiceProvider instance)
    {
        await using var db = instance.GetRequiredService<IDbContextFactory<VisitorDbContext>>().CreateDbContext();
        var seen = (await db.Visitors.AsNoTracking().SingleAsync()).IpAddress;
        Assert.NotEqual(Address, seen);
        return seen;
    }
}
