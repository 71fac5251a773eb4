using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Self;

/// <summary>
/// A shopper acting for themselves changes their own data and adds rows of their own; changing someone else's, or
/// moving someone else's row to themselves (by a tracked change, Update or Attach), is refused and changes nothing.
/// </summary>
public abstract class SelfWriteTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_shopper_changes_their_own_name_and_adds_an_order_of_their_own()
    {
        using var app = App();
        await using (var db = await SelfAccessModel.SeedAsync(app))
        using (SelfAccessModel.Shopper1())
        {
            (await db.Shoppers.SingleAsync(s => s.Id == 1)).Name = "Ada Lovelace";
            db.Orders.Add(new ShopperOrder { Id = 3, ShopperId = 1, Note = "ring twice" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Ada Lovelace", "Bea Shopper"], await StoredAsync(app, db => db.Shoppers.OrderBy(s => s.Id).Select(s => s.Name)));
        Assert.Equal(["gift wrap", "leave at door", "ring twice"], await StoredAsync(app, db => db.Orders.OrderBy(o => o.Id).Select(o => o.Note)));
    }

    [SkippableFact]
    public async Task Changing_another_shoppers_data_or_adding_a_row_for_them_is_refused()
    {
        using var app = App();
        await using (var db = await SelfAccessModel.SeedAsync(app))
        using (SelfAccessModel.Shopper1())
        {
            (await db.Shoppers.SingleAsync(s => s.Id == 2)).Name = "Mallory";
            var refused = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal((nameof(Shopper), "Name"), (refused.EntityName, refused.PropertyName));
            Assert.Contains("Shopper 1", refused.Message, StringComparison.Ordinal);

            db.ChangeTracker.Clear();
            db.Orders.Add(new ShopperOrder { Id = 3, ShopperId = 2, Note = "sent by someone else" });
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(["Ada Shopper", "Bea Shopper"], await StoredAsync(app, db => db.Shoppers.OrderBy(s => s.Id).Select(s => s.Name)));
        Assert.Equal(2, (await StoredAsync(app, db => db.Orders.Select(o => o.Id))).Count);
    }

    [SkippableFact]
    public async Task Moving_another_shoppers_order_to_themselves_is_refused_however_it_is_marked()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (SelfAccessModel.Shopper1())
        {
            // A tracked change of the link alone: no personal value is written, yet the row would become theirs.
            (await db.Orders.SingleAsync(o => o.Id == 2)).ShopperId = 1;
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Update takes the original values from the caller's object: the database says whose row it is.
            db.Orders.Update(new ShopperOrder { Id = 2, ShopperId = 1, Note = "mine now" });
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            var attached = db.Orders.Attach(new ShopperOrder { Id = 2, ShopperId = 1 });
            attached.Property(o => o.ShopperId).IsModified = true;
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Their own order, given away to shopper 2: refused too (the row would leave their reach with their data).
            (await db.Orders.SingleAsync(o => o.Id == 1)).ShopperId = 2;
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
        }

        Assert.Equal([1, 2], await StoredAsync(app, d => d.Orders.OrderBy(o => o.Id).Select(o => o.ShopperId)));
        Assert.Equal(["gift wrap", "leave at door"], await StoredAsync(app, d => d.Orders.OrderBy(o => o.Id).Select(o => o.Note)));
    }

    private static async Task<List<T>> StoredAsync<T>(TestApp<KindsDbContext> app, Func<KindsDbContext, IQueryable<T>> query)
    {
        await using var check = app.NewContext();
        using (Privacy.System("test: what is stored"))
        {
            return await query(check).ToListAsync();
        }
    }

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = SelfAccessModel.Configure });
}
