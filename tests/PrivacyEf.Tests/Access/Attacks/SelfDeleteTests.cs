using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Access.Self;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on self writes (a policy gap rather than a bug: the README says deleting is not a write of values): a scope
/// acting for shopper 1, with no role at all, deletes shopper 2's order, through a tracked Remove of a stub or
/// through ExecuteDelete. The self feature promises that changing another person's row is refused; erasing it is
/// the largest change there is. This test states the expectation a self-service endpoint would rely on.
/// </summary>
public abstract class SelfDeleteTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_shopper_acting_for_themselves_cannot_delete_another_shoppers_order()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (SelfAccessModel.Shopper1())
        {
            db.Orders.Remove(new ShopperOrder { Id = 2, ShopperId = 1 });
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: what is stored"))
        {
            Assert.Equal([1, 2], await check.Orders.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        }
    }

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = SelfAccessModel.Configure });
}
