using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Loyalty;

namespace PrivacyEf.Tests.Retention;

/// <summary>
/// The purge and erasure change entity types in one dependents-first order, right for inheritance: a foreign key
/// to a derived principal holds back the base type's deletes, and a foreign key declared on a derived dependent
/// holds back its principal's. Before they shared one order, erasure deleted cards before the perks of a gold card,
/// and the purge deleted accounts before the lounge passes that reference them.
/// </summary>
public abstract class PurgeAndErasureOrderTests(DatabaseTarget target) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string keyRingDirectory = Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
    private readonly List<ServiceProvider> providers = [];

    [SkippableFact]
    public async Task Purge_and_erasure_delete_a_hierarchy_dependents_first_in_the_same_order()
    {
        target.RequireAvailable();
        var factory = NewFactory();
        await using (var create = factory.CreateDbContext())
        {
            await create.Database.EnsureCreatedAsync();
        }

        await SeedAsync(factory);
        ErasureReceipt receipt;
        await using (var db = factory.CreateDbContext())
        {
            receipt = await db.EraseSubjectAsync(1);
        }

        await AssertEmptyAsync(factory);

        await SeedAsync(factory);
        PurgeReport report;
        await using (var db = factory.CreateDbContext())
        {
            report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Now });
        }

        Assert.Empty(report.Failures);
        await AssertEmptyAsync(factory);

        string[] loyalty = [nameof(Account), nameof(Card), nameof(GoldCard), nameof(Perk), nameof(LoungePass)];
        var purgeOrder = report.Entities.Select(e => e.Entity).Where(loyalty.Contains).ToList();
        var erasureOrder = receipt.Entities.Select(e => e.Entity).ToList();
        Assert.Equal([nameof(Perk), nameof(Account), nameof(Card)], purgeOrder);

        // Erasure, like the purge, works on a hierarchy through its base type (its set holds the gold cards and lounge
        // passes too), in the same order.
        Assert.Equal(purgeOrder, erasureOrder);
        Assert.Equal(5, receipt.Erased);
    }

    public void Dispose()
    {
        foreach (var provider in providers)
        {
            provider.Dispose();
        }

        try
        {
            Directory.Delete(keyRingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp cleanup gets it later.
        }

        GC.SuppressFinalize(this);
    }

    private IDbContextFactory<LoyaltyDbContext> NewFactory()
    {
        var database = target.NewDatabaseName();
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(keyRingDirectory));
        services.AddPrivacy(o => o.WithoutScope = UnscopedAccess.Disclose);
        services.AddDbContextFactory<LoyaltyDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), database));
        var provider = services.BuildServiceProvider(validateScopes: true);
        providers.Add(provider);
        return provider.GetRequiredService<IDbContextFactory<LoyaltyDbContext>>();
    }

    private static async Task SeedAsync(IDbContextFactory<LoyaltyDbContext> factory)
    {
        var old = Now.UtcDateTime.AddDays(-400);
        await using var db = factory.CreateDbContext();
        var account = new Account { Id = 1, Name = "Ada Lovelace", ClosedAt = old };
        var gold = new GoldCard { Id = 11, HolderId = 1, Number = "4111111111111111", Tier = 3, IssuedAt = old };
        db.AddRange(
            account,
            new Card { Id = 10, HolderId = 1, Number = "5500000000000004", IssuedAt = old },
            gold,
            new Perk { Id = 20, HolderId = 1, GoldCard = gold, Note = "free coffee", GrantedAt = old },
            new LoungePass { Id = 21, HolderId = 1, GoldCard = gold, Account = account, GrantedAt = old });
        await db.SaveChangesAsSystemAsync();
    }

    private static async Task AssertEmptyAsync(IDbContextFactory<LoyaltyDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.Perks.CountAsync());
        Assert.Equal(0, await db.Cards.CountAsync());
        Assert.Equal(0, await db.Accounts.CountAsync());
    }
}
