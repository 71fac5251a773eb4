using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Access.Self;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on self writes: SaveChanges refuses moving another person's row to oneself (tracked change, Update, Attach),
/// since the moved row would then read as one's own. ExecuteUpdate skips SaveChanges, and the query guard only
/// looks at personal properties: the link is not personal, so a scope acting for shopper 1 can set
/// <c>ShopperId = 1</c> on shopper 2's order in one statement, then read shopper 2's note as its own.
/// </summary>
public abstract class SelfBulkLinkMoveTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task ExecuteUpdate_cannot_move_another_shoppers_order_to_the_self()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        Exception? moved;
        string note;
        using (SelfAccessModel.Shopper1())
        {
            moved = await Record.ExceptionAsync(() => db.Orders.Where(o => o.Id == 2).ExecuteUpdateAsync(set => set.SetProperty(o => o.ShopperId, 1)));
            note = await db.Orders.AsNoTracking().Where(o => o.Id == 2).Select(o => o.Note).SingleAsync();
        }

        Assert.NotEqual("leave at door", note);
        Assert.IsType<PrivacyAccessDeniedException>(moved);
        await using var check = app.NewContext();
        using (Privacy.System("test: what is stored"))
        {
            Assert.Equal(2, await check.Orders.Where(o => o.Id == 2).Select(o => o.ShopperId).SingleAsync());
        }
    }

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = SelfAccessModel.Configure });
}
