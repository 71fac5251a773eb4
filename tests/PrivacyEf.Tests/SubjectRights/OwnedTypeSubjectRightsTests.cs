using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Owned;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>
/// Owned types (a reference in the owner's table, a collection in its own) are part of their owner's row: exported
/// with it under their path, deleted with it, and anonymized with it when the owner is kept anonymized.
/// </summary>
public abstract class OwnedTypeSubjectRightsTests(DatabaseTarget target)
{
    private static readonly DateTimeOffset Delivered = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Export_holds_the_owned_values_under_their_path_decrypted_and_classified()
    {
        using var app = await SeedAsync();
        await using var db = app.NewContext();

        var export = await db.ExportSubjectAsync(1);

        var subscriber = Assert.Single(Assert.Single(export.Entities, e => e.Entity == nameof(Subscriber)).Rows);
        Assert.Equal(("1 Analytical Row", true, PersonalDataCategory.Location), Describe(subscriber["Address.Street"]));
        Assert.Equal(("UK", false, null), Describe(subscriber["Address.Country"]));
        Assert.Equal(["+44 20 7946 0001", "+44 7700 900001"], new[] { subscriber["Phones[0].Number"].Value, subscriber["Phones[1].Number"].Value }.Order());
        Assert.True(subscriber["Phones[1].Number"].Personal);
        var delivery = Assert.Single(Assert.Single(export.Entities, e => e.Entity == nameof(Delivery)).Rows);
        Assert.Equal(("2 Engine Lane", true, PersonalDataCategory.Location), Describe(delivery["DropOff.Street"]));
        Assert.DoesNotContain(export.Entities.SelectMany(e => e.Rows).SelectMany(r => r.Values), f => Equals(f.Value, "Grace Hopper") || Equals(f.Value, "3 Compiler Court"));
    }

    [SkippableFact]
    public async Task Erasure_deletes_owned_values_with_their_owner_and_anonymizes_them_with_a_kept_owner()
    {
        using var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var receipt = await db.EraseSubjectAsync(1);
            Assert.Equal(1, Assert.Single(receipt.Entities, e => e.Entity == nameof(Subscriber)).Deleted);
            Assert.Equal(1, Assert.Single(receipt.Entities, e => e.Entity == nameof(Delivery)).Anonymized);
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            var subscribers = await db.Subscribers.AsNoTracking().ToListAsync();
            var grace = Assert.Single(subscribers);
            Assert.Equal(("3 Compiler Court", 1), (grace.Address.Street, grace.Phones.Count));

            var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
            Assert.Equal((AnonymizedPlaceholder, "UK"), (deliveries[0].DropOff.Street, deliveries[0].DropOff.Country));
            Assert.Equal("3 Compiler Court", deliveries[1].DropOff.Street);

            // The phones of the erased subscriber left their own table with their owner.
            var phoneTable = db.Model.FindEntityType(typeof(Subscriber))!.FindNavigation(nameof(Subscriber.Phones))!.TargetEntityType.GetTableName();
            var countPhones = $"SELECT COUNT(*) AS \"Value\" FROM \"{phoneTable}\"";
            var phones = await db.Database.SqlQueryRaw<int>(countPhones).SingleAsync();
            Assert.Equal(1, phones);
        }
    }

    [SkippableFact]
    public async Task The_purge_anonymizes_an_owned_reference_with_its_owner()
    {
        using var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Delivered.AddDays(60) });
            Assert.Equal(2, report.For(nameof(Delivery))!.Rows);
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
            Assert.All(deliveries, d => Assert.Equal(AnonymizedPlaceholder, d.DropOff.Street));
            Assert.Equal(["UK", "US"], deliveries.Select(d => d.DropOff.Country));
        }
    }

    [SkippableFact]
    public async Task The_purge_refuses_to_anonymize_an_entity_whose_owned_collection_holds_personal_data()
    {
        using var app = new TestApp<RouteDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Routes.Add(new Route { Id = 1, SubscriberId = 1, DrivenAt = Delivered, Stops = [new SubscriberAddress { Street = "1 Analytical Row", Country = "UK" }] });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.PurgeExpiredAsync(new PurgeOptions { Now = Delivered.AddDays(60) }));
            Assert.Contains("Route", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Stops (a collection)", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Street", refused.Message, StringComparison.Ordinal);
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            var route = await db.Routes.AsNoTracking().SingleAsync();
            Assert.Equal("1 Analytical Row", Assert.Single(route.Stops).Street);
        }
    }

    [SkippableFact]
    public async Task Erasure_anonymizes_an_owned_collection_with_a_kept_owner()
    {
        using var app = new TestApp<RouteDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Routes.Add(new Route { Id = 1, SubscriberId = 1, DrivenAt = Delivered, Stops = [new SubscriberAddress { Street = "1 Analytical Row", Country = "UK" }, new SubscriberAddress { Street = "2 Engine Lane", Country = "UK" }] });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            Assert.Equal(1, Assert.Single((await db.EraseSubjectAsync(1)).Entities).Anonymized);
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            var route = await db.Routes.AsNoTracking().SingleAsync();
            Assert.Equal([AnonymizedPlaceholder, AnonymizedPlaceholder], route.Stops.Select(s => s.Street));
        }
    }

    private const string AnonymizedPlaceholder = PrivacyEf.Internal.AnonymizedValues.TextPlaceholder;

    private static (object? Value, bool Personal, PersonalDataCategory? Category) Describe(SubjectField field) => (field.Value, field.Personal, field.Category);

    private async Task<TestApp<SubscriberDbContext>> SeedAsync()
    {
        var app = new TestApp<SubscriberDbContext>(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Subscribers.Add(new Subscriber
        {
            Id = 1,
            Name = "Ada Lovelace",
            Address = new SubscriberAddress { Street = "1 Analytical Row", Country = "UK" },
            Phones = [new SubscriberPhone { Number = "+44 20 7946 0001", Kind = "home" }, new SubscriberPhone { Number = "+44 7700 900001", Kind = "mobile" }],
        });
        db.Subscribers.Add(new Subscriber
        {
            Id = 2,
            Name = "Grace Hopper",
            Address = new SubscriberAddress { Street = "3 Compiler Court", Country = "US" },
            Phones = [new SubscriberPhone { Number = "+1 202 555 0100", Kind = "home" }],
        });
        db.Deliveries.Add(new Delivery { Id = 1, SubscriberId = 1, DeliveredAt = Delivered, DropOff = new SubscriberAddress { Street = "2 Engine Lane", Country = "UK" } });
        db.Deliveries.Add(new Delivery { Id = 2, SubscriberId = 2, DeliveredAt = Delivered, DropOff = new SubscriberAddress { Street = "3 Compiler Court", Country = "US" } });
        await db.SaveChangesAsSystemAsync();
        return app;
    }
}
