using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;
using PrivacyEf.Tests.Model.Shapes;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// The entity guard compiled into EF's materializers, on the shapes <see cref="ReadPathTests"/> does not cover: entities
/// from a join's result selector, identity resolution, owned types, tracked entities saved back, and no materialization
/// interceptor left to slow down every other type. Each provider runs these through a subclass.
/// </summary>
public abstract class EntityGuardTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task PrivacyEf_registers_no_materialization_interceptor()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        Assert.DoesNotContain(interceptors, i => i is IMaterializationInterceptor);
    }

    [SkippableFact]
    public async Task An_entity_returned_by_a_join_result_selector_is_masked()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var patron = await (from o in db.Orders join p in db.Patrons on o.PatronId equals p.Id select p).AsNoTracking().SingleAsync();
            Assert.Equal(ReadPathTests.MaskedAdaIban, patron.Iban);
            Assert.Equal("ada@analytical.example", patron.Email);
        }

        using (Privacy.System("test: system reads"))
        {
            var patron = await (from o in db.Orders join p in db.Patrons on o.PatronId equals p.Id select p).AsNoTracking().SingleAsync();
            Assert.Equal(ReadPathTests.AdaIban, patron.Iban);
        }
    }

    [SkippableFact]
    public async Task Identity_resolution_masks_each_entity_once()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var orders = await db.Orders.Include(o => o.Patron).AsNoTrackingWithIdentityResolution().ToListAsync();
            var order = Assert.Single(orders);
            Assert.Equal("************1111", order.CardNumber);
            Assert.Equal(ReadPathTests.MaskedAdaIban, order.Patron!.Iban);
        }
    }

    [SkippableFact]
    public async Task A_tracked_masked_entity_is_unchanged_and_saving_it_keeps_the_real_values()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
            Assert.Equal(ReadPathTests.MaskedAdaIban, ada.Iban);
            Assert.Equal(EntityState.Unchanged, db.Entry(ada).State);
            ada.Tier = "platinum";
            db.ChangeTracker.DetectChanges();
            Assert.Equal(["Tier"], db.Entry(ada).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));
            await db.SaveChangesAsync();
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: checking the stored row"))
        {
            var ada = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal("platinum", ada.Tier);
            Assert.Equal(ReadPathTests.AdaIban, ada.Iban);
            Assert.Equal(new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc), ada.BirthDate);
        }
    }

    [SkippableFact]
    public async Task A_masked_entity_loaded_tracked_and_updated_in_another_context_keeps_the_real_values()
    {
        using var app = await AccessApp.CreateAsync(Target);
        using (AccessApp.Agent())
        {
            Patron ada;
            await using (var reading = app.NewContext())
            {
                ada = await reading.Patrons.SingleAsync(p => p.Id == 1);
            }

            ada.Tier = "silver";
            await using var writing = app.NewContext();
            writing.Update(ada);
            await writing.SaveChangesAsync();
        }

        await using var db = app.NewContext();
        using (Privacy.System("test: checking the stored row"))
        {
            var ada = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal("silver", ada.Tier);
            Assert.Equal(ReadPathTests.AdaIban, ada.Iban);
        }
    }

    [SkippableFact]
    public async Task A_personal_member_of_an_owned_type_is_masked()
    {
        using var app = new TestApp<MemberDbContext>(Target, new TestAppSettings
        {
            DiscloseWithoutScope = false,
            ConfigurePrivacy = o => o.Grant("agent", "support", PersonalDataCategory.Identity),
        });
        await using var db = app.NewContext();
        await db.Database.EnsureCreatedAsync();
        using (Privacy.System("test: seeding"))
        {
            db.Members.Add(new Member { Id = 1, Contact = new MemberContact { MemberId = 1, Email = "ada@example.com" } });
            await db.SaveChangesAsync();
        }

        await using var reading = app.NewContext();
        using (AccessApp.Agent())
        {
            Assert.Equal("a***@example.com", (await reading.Members.AsNoTracking().SingleAsync()).Contact.Email);
            var tracked = await reading.Members.SingleAsync();
            Assert.Equal("a***@example.com", tracked.Contact.Email);
            Assert.False(reading.ChangeTracker.HasChanges());
        }

        await using var system = app.NewContext();
        using (Privacy.System("test: system reads"))
        {
            Assert.Equal("ada@example.com", (await system.Members.AsNoTracking().SingleAsync()).Contact.Email);
        }
    }
}
