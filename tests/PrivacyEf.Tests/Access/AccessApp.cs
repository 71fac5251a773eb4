using Microsoft.Extensions.Time.Testing;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// An application for the least-privilege tests: <see cref="AccessDbContext"/> on one database, a fake clock, a
/// capture of the SQL it runs, and grants for an agent (support), a billing clerk (billing) and a marketer
/// (marketing, which requires consent).
/// </summary>
public sealed class AccessApp : TestApp<AccessDbContext>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private AccessApp(DatabaseTarget target, FakeTimeProvider clock, Action<PrivacyOptions>? configure, string? database = null, string? keyRingDirectory = null)
        : base(target, new TestAppSettings
        {
            Database = database,
            KeyRingDirectory = keyRingDirectory,
            Clock = clock,
            DiscloseWithoutScope = false,
            ConfigurePrivacy = o =>
            {
                o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity);
                o.Grant("clerk", "billing", PersonalDataCategory.Contact, PersonalDataCategory.Identity, PersonalDataCategory.Financial);
                o.Grant("marketer", "marketing", PersonalDataCategory.Contact, PersonalDataCategory.Online);
                o.Purpose("marketing").RequiresConsent().Describe("Newsletters and offers, only with consent.");
                configure?.Invoke(o);
            },
        })
    {
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static PrivacyScope Agent() => Privacy.Access("support", "agent-7", ["agent"]);

    public static PrivacyScope Clerk() => Privacy.Access("billing", "clerk-2", ["clerk"]);

    public static PrivacyScope Marketer() => Privacy.Access("marketing", "campaign-bot", ["marketer"]);

    public static async Task<AccessApp> CreateAsync(DatabaseTarget target, Action<PrivacyOptions>? configure = null)
    {
        target.RequireAvailable();
        var app = new AccessApp(target, new FakeTimeProvider(Start), configure);
        await using var db = app.NewContext();
        await db.Database.EnsureCreatedAsync();
        using (Privacy.System("seeding the test database"))
        {
            db.Patrons.AddRange(
                new Patron
                {
                    Id = 1,
                    Name = "Ada Lovelace",
                    Email = "ada@analytical.example",
                    Iban = "GB33BUKB20201555555555",
                    BirthDate = new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc),
                    Tier = "gold",
                    Orders = [new PatronOrder { Id = 10, CardNumber = "4111111111111111", Amount = 12.5m }],
                },
                new Patron { Id = 2, Name = "Grace Hopper", Email = "grace@cobol.example", Iban = "DE89370400440532013000", Tier = "basic" },
                new Patron { Id = 3, Name = "Zoë Ünal", Email = "zoe@archive.example", Iban = "FR1420041010050500013M02606", Tier = "basic", Archived = true });
            await db.SaveChangesAsync();
        }

        app.Sql.Clear();
        return app;
    }

    /// <summary>An application on an existing database with an existing key ring, which it does not own (no seeding).</summary>
    public static AccessApp On(DatabaseTarget target, string database, string keyRingDirectory)
    {
        target.RequireAvailable();
        return new AccessApp(target, new FakeTimeProvider(Start), configure: null, database, keyRingDirectory);
    }

    /// <summary>Another application on an existing database (no seeding).</summary>
    public static Task<AccessApp> OpenAsync(DatabaseTarget target, string database)
    {
        target.RequireAvailable();
        return Task.FromResult(new AccessApp(target, new FakeTimeProvider(Start), configure: null, database));
    }
}
