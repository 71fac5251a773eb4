using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Access.Self;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on self writes: the proof that a row is the self's own is a separate SELECT (GetDatabaseValues) before the
/// save; the UPDATE that follows is keyed by the primary key only. When the row's link changes in between (another
/// request moves order 1 from shopper 1 to shopper 2), shopper 1's write lands in what is by then shopper 2's row:
/// a write the self may make only in its own rows, made in someone else's.
/// </summary>
public abstract class SelfWriteRaceTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_row_moved_to_another_shopper_after_the_check_is_not_written_by_the_self()
    {
        using var app = App();
        await (await SelfAccessModel.SeedAsync(app)).DisposeAsync();

        var race = new LinkMovedBeforeUpdate(async () =>
        {
            await using var other = app.NewContext();

            // On SQLite the save holds the write lock from its proof on: the administrator waits, briefly here.
            other.Database.SetCommandTimeout(TimeSpan.FromSeconds(2));
            using (Privacy.System("test: an administrator moves order 1 to shopper 2"))
            {
                await other.Orders.Where(o => o.Id == 1).ExecuteUpdateAsync(set => set.SetProperty(o => o.ShopperId, 2));
            }
        });
        var builder = new DbContextOptionsBuilder<KindsDbContext>();
        Target.UseDatabase(builder.UsePrivacy(app.Services).AddInterceptors(race), app.Database);
        await using (var db = new KindsDbContext(builder.Options))
        using (SelfAccessModel.Shopper1())
        {
            (await db.Orders.SingleAsync(o => o.Id == 1)).Note = "written by shopper 1";
            await Record.ExceptionAsync(() => db.SaveChangesAsync());
        }

        Assert.True(race.Fired);
        await using var check = app.NewContext();
        using (Privacy.System("test: what is stored"))
        {
            var stored = await check.Orders.Where(o => o.Id == 1).Select(o => new { o.ShopperId, o.Note }).SingleAsync();
            Assert.False(stored.ShopperId == 2 && stored.Note == "written by shopper 1", "shopper 1's write landed in shopper 2's order");
        }
    }

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = SelfAccessModel.Configure });
}
