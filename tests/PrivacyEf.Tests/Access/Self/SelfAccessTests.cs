using Microsoft.EntityFrameworkCore;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Self;

/// <summary>
/// A data subject acting for themselves (a signed-in shopper) reads and changes their own rows as far as the purpose
/// allows the self; everyone else's rows, and the rows of another kind with the same id, stay masked and closed.
/// </summary>
public abstract class SelfAccessTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_shopper_reads_their_own_rows_and_everyone_elses_stay_masked_on_every_read_path()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);

        using (Shopper1())
        {
            var tracked = await db.Shoppers.OrderBy(s => s.Id).ToListAsync();
            Assert.Equal("Ada Shopper", tracked[0].Name);
            Assert.NotEqual("Bea Shopper", tracked[1].Name);

            var untracked = await db.Shoppers.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Name).ToListAsync();
            Assert.Equal("Ada Shopper", untracked[0]);
            Assert.NotEqual("Bea Shopper", untracked[1]);

            var projected = await db.Orders.OrderBy(o => o.Id).Select(o => new { o.ShopperId, o.Note }).ToListAsync();
            Assert.Equal("gift wrap", projected[0].Note);
            Assert.NotEqual("leave at door", projected[1].Note);

            var own = await db.Shoppers.Where(s => s.Id == 1).Select(s => new { s.Name, Orders = db.Orders.Where(o => o.ShopperId == s.Id).Select(o => o.Note).ToList() }).SingleAsync();
            Assert.Equal(("Ada Shopper", "gift wrap"), (own.Name, Assert.Single(own.Orders)));

            // Staff member 1 shares the id, not the person.
            Assert.NotEqual("Alan Staff", (await db.Staff.SingleAsync()).Name);
            Assert.NotEqual("Alan Staff", await db.Staff.Select(s => s.Name).SingleAsync());
        }
    }

    [SkippableFact]
    public async Task Only_the_categories_the_purpose_allows_the_self_open_up_and_only_for_that_purpose()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);

        // Untracked reads: a tracked instance is not read again, so one scope's masks would answer the next scope.

        using (Privacy.Access("account", "shopper-1", [], PrivacySubject.Of<StaffMember>(1)))
        {
            // A staff member acting for themselves is not shopper 1.
            Assert.NotEqual("Ada Shopper", (await db.Shoppers.AsNoTracking().SingleAsync(s => s.Id == 1)).Name);
        }

        using (Privacy.Access("support", "shopper-1", [], PrivacySubject.Of<Shopper>(1)))
        {
            Assert.NotEqual("Ada Shopper", (await db.Shoppers.AsNoTracking().SingleAsync(s => s.Id == 1)).Name);
        }

        using (Privacy.Access("account", "shopper-1", [], PrivacySubject.Of<Shopper>("1")))
        {
            // The id as a claim carries it (text) reaches the integer key; the self may not see its orders' notes
            // under "profile", which allows Identity only.
            Assert.Equal("Ada Shopper", (await db.Shoppers.AsNoTracking().SingleAsync(s => s.Id == 1)).Name);
        }

        using (Privacy.Access("profile", "shopper-1", [], PrivacySubject.Of<Shopper>(1)))
        {
            Assert.Equal("Ada Shopper", (await db.Shoppers.AsNoTracking().SingleAsync(s => s.Id == 1)).Name);
            Assert.NotEqual("gift wrap", (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == 1)).Note);
        }
    }

    [SkippableFact]
    public async Task Reading_their_own_rows_is_logged_with_the_shopper_as_the_only_subject()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (Shopper1())
        {
            await db.Shoppers.AsNoTracking().ToListAsync();
            await db.Orders.Select(o => o.Note).ToListAsync();
        }

        await db.FlushAccessLogAsync();
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "shopper-1").ToListAsync();
        Assert.Equal(("Name", "1", 1, nameof(Shopper)), entries.Where(e => e.Entity == nameof(Shopper)).Select(e => (e.Properties, e.SubjectIds, e.RowCount, e.SubjectKind)).Single());
        Assert.Equal(("Note", "1"), entries.Where(e => e.Entity == nameof(ShopperOrder)).Select(e => (e.Properties, e.SubjectIds)).Single());
    }

    [SkippableFact]
    public async Task Asking_about_values_in_a_condition_stays_refused_since_it_reaches_other_peoples_rows()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (Shopper1())
        {
            var refused = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Shoppers.CountAsync(s => s.Name == "Bea Shopper"));
            Assert.Equal((nameof(Shopper), "Name"), (refused.EntityName, refused.PropertyName));
        }
    }

    private static PrivacyScope Shopper1() => SelfAccessModel.Shopper1();

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = SelfAccessModel.Configure });
}
