using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>SaveChanges never writes a mask back, and refuses changes to what the scope may not see.</summary>
public abstract class WriteTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Saving_a_tracked_entity_loaded_masked_keeps_the_real_values()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
                Assert.Equal(ReadPathTests.MaskedAdaIban, ada.Iban);
                ada.Tier = "platinum";
                ada.Email = "ada@new.example";
                Assert.Equal(EntityState.Modified, db.Entry(ada).State);
                Assert.False(db.Entry(ada).Property(p => p.Iban).IsModified);
                Assert.Equal(1, await db.SaveChangesAsync());
            }
        }

        await AssertStoredAsync(app, "platinum", "ada@new.example");
    }

    [SkippableFact]
    public async Task Attaching_a_masked_entity_loaded_without_tracking_keeps_the_real_values()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                var ada = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
                ada.Tier = "silver";
                db.Patrons.Update(ada);
                await db.SaveChangesAsync();
            }
        }

        await AssertStoredAsync(app, "silver", "ada@analytical.example");
    }

    [SkippableFact]
    public async Task A_partial_entity_keeps_its_masks_itself_and_they_travel_with_it_to_another_context()
    {
        using var app = await AccessApp.CreateAsync(Target);
        Patron ada;
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                ada = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            }
        }

        // The generator gave the partial class a slot: the masks live on the instance, not in a weak table.
        Assert.IsType<PrivacyEf.Access.MaskedValues>(((PrivacyEf.Internal.IPrivacyMaskCarrier)ada).PrivacyEfMasks);
        Assert.Equal(ReadPathTests.MaskedAdaIban, ada.Iban);

        // Saved from another context and by a scope that may write the IBAN: still the mask, so still not a write.
        await using (var other = app.NewContext())
        {
            using (Privacy.System("test: save a detached entity"))
            {
                ada.Tier = "copper";
                other.Patrons.Update(ada);
                await other.SaveChangesAsync();
            }
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            var stored = await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal(("copper", "ada@analytical.example"), (stored.Tier, stored.Email));
            Assert.NotEqual(ReadPathTests.MaskedAdaIban, stored.Iban);
            Assert.DoesNotContain(check.Model.FindEntityType(typeof(Patron))!.GetProperties(), p => p.Name.Contains("Masks", StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task Attaching_an_entity_whose_hidden_property_is_empty_is_not_a_write_of_it()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                // Grace has no birth date: nothing was masked, yet Update marks the property as written.
                var grace = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 2);
                Assert.Null(grace.BirthDate);
                grace.Tier = "gold";
                db.Patrons.Update(grace);
                await db.SaveChangesAsync();
            }
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            var stored = await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 2);
            Assert.Equal(("gold", "DE89370400440532013000"), (stored.Tier, stored.Iban));
        }
    }

    [SkippableFact]
    public async Task Saving_synchronously_also_keeps_the_real_values()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                var ada = db.Patrons.Single(p => p.Id == 1);
                ada.Tier = "bronze";
                db.SaveChanges();
            }
        }

        await AssertStoredAsync(app, "bronze", "ada@analytical.example");
    }

    [SkippableFact]
    public async Task Changing_a_property_the_scope_may_not_see_is_refused()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
                ada.Iban = "XX00000000000000000000";
                var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
                Assert.Equal("Patron", denied.EntityName);
                Assert.Equal("Iban", denied.PropertyName);
                Assert.Equal("support", denied.Purpose);
                Assert.Contains("may not write Patron.Iban", denied.Message, StringComparison.Ordinal);

                var grace = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 2);
                grace.BirthDate = new DateTime(1906, 12, 9, 0, 0, 0, DateTimeKind.Utc);
                db.ChangeTracker.Clear();
                db.Patrons.Attach(grace).Property(p => p.BirthDate).IsModified = true;
                var unseen = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
                Assert.Equal("BirthDate", unseen.PropertyName);
            }
        }

        await AssertStoredAsync(app, "gold", "ada@analytical.example");
    }

    [SkippableFact]
    public async Task A_scope_allowed_to_see_a_property_may_change_it()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Clerk())
            {
                var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
                ada.Iban = "DE02120300000000202051";
                await db.SaveChangesAsync();
            }
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            Assert.Equal("DE02120300000000202051", (await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1)).Iban);
        }
    }

    private static async Task AssertStoredAsync(AccessApp app, string tier, string email)
    {
        await using var check = app.NewContext();
        using (Privacy.System("test: check what is stored"))
        {
            var stored = await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal(ReadPathTests.AdaIban, stored.Iban);
            Assert.Equal("Ada Lovelace", stored.Name);
            Assert.Equal(new DateTime(1815, 12, 10), stored.BirthDate);
            Assert.Equal(tier, stored.Tier);
            Assert.Equal(email, stored.Email);
        }
    }
}
