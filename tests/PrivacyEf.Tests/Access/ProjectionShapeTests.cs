using Microsoft.EntityFrameworkCore;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// Query shapes whose result holds a card number: the agent (support) gets the mask (or, where the card number is
/// also grouped by, a refusal), the clerk (billing) the real value with an access-log entry naming the property, whatever operators follow or surround the projection.
/// </summary>
public abstract class ProjectionShapeTests(DatabaseTarget target)
{
    private const string Card = "4111111111111111";
    private const string MaskedCard = "************1111";

    private static readonly Dictionary<string, (Func<AccessDbContext, Task<string?>> Run, string Masked)> Shapes = new()
    {
        ["Where after an anonymous projection"] = (async db => (await db.Orders.Select(o => new { o.Id, o.CardNumber }).Where(x => x.Id == 10).SingleAsync()).CardNumber, MaskedCard),
        ["OrderBy and ThenBy after a projection"] = (async db => (await db.Orders.Select(o => new { o.Id, o.Amount, o.CardNumber }).OrderBy(x => x.Amount).ThenBy(x => x.Id).FirstAsync()).CardNumber, MaskedCard),
        ["a DTO projection then Where"] = (async db => (await db.Orders.Select(o => new CardView { Id = o.Id, Card = o.CardNumber }).Where(x => x.Id == 10).SingleAsync()).Card, MaskedCard),
        ["a value computed in an earlier projection"] = (async db => await db.Orders.Select(o => new { o.Id, Bin = o.CardNumber.Substring(0, 6) }).Where(x => x.Id == 10).Select(x => x.Bin).SingleAsync(), "******"),
        ["two projections"] = (async db => await db.Orders.Select(o => new { o.Id, o.CardNumber }).Select(x => "card " + x.CardNumber).SingleAsync(), "card " + MaskedCard),
        ["a tuple"] = (async db => (await db.Orders.Select(o => ValueTuple.Create(o.Id, o.CardNumber)).SingleAsync()).Item2, MaskedCard),
        ["a conditional"] = (async db => await db.Orders.Select(o => o.Amount > 0 ? o.CardNumber : "none").SingleAsync(), MaskedCard),
        ["a Join result selector"] = (async db => await db.Patrons.Join(db.Orders, p => p.Id, o => o.PatronId, (p, o) => o.CardNumber).SingleAsync(), MaskedCard),
        ["a SelectMany result selector"] = (async db => await (from p in db.Patrons from o in p.Orders select o.CardNumber).SingleAsync(), MaskedCard),
        ["a left join result selector"] = (async db => await (from p in db.Patrons.Where(p => p.Id == 1) from o in db.Orders.Where(o => o.PatronId == p.Id).DefaultIfEmpty() select o!.CardNumber).SingleAsync(), MaskedCard),
        ["a GroupJoin result selector"] = (async db => (await db.Patrons.Where(p => p.Id == 1).GroupJoin(db.Orders, p => p.Id, o => o.PatronId, (p, orders) => orders.Select(o => o.CardNumber).ToList()).SingleAsync()).Single(), MaskedCard),
        ["an entity from a Join"] = (async db => (await db.Patrons.Join(db.Orders, p => p.Id, o => o.PatronId, (p, o) => o).AsNoTracking().SingleAsync()).CardNumber, MaskedCard),
        ["a GroupBy key"] = (async db => (await db.Orders.GroupBy(o => o.CardNumber).Select(g => new { g.Key, Count = g.Count() }).SingleAsync()).Key, ""),
        ["Include"] = (async db => (await db.Patrons.AsNoTracking().Include(p => p.Orders).SingleAsync(p => p.Id == 1)).Orders.Single().CardNumber, MaskedCard),
    };

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [MemberData(nameof(ShapeNames))]
    public async Task The_value_is_masked_for_a_scope_that_may_not_see_it_and_logged_for_one_that_may(string shape)
    {
        var (run, masked) = Shapes[shape];
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        if (masked.Length > 0)
        {
            using (AccessApp.Agent())
            {
                Assert.Equal(masked, await run(db));
            }
        }
        else
        {
            // Grouping by a value is a question about it: refused rather than masked.
            using (AccessApp.Agent())
            {
                await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => run(db));
            }
        }

        using (AccessApp.Clerk())
        {
            var real = await run(db);
            Assert.Contains(Card[..4], real, StringComparison.Ordinal);
        }

        if (Target is InMemoryTarget)
        {
            return;
        }

        await db.FlushAccessLogAsync();
        var logged = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "clerk-2").ToListAsync();
        Assert.Contains(logged, e => e.Entity == nameof(PatronOrder) && e.Properties.Split(',').Contains(nameof(PatronOrder.CardNumber)));
    }

    [SkippableFact]
    public async Task A_projection_that_cannot_be_moved_last_is_refused_not_returned()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            // Distinct works on the real values in SQL; the guard cannot mask what comes out of it.
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Orders.Select(o => new { o.CardNumber }).Distinct().ToListAsync());
            Assert.Equal((nameof(PatronOrder), nameof(PatronOrder.CardNumber)), (denied.EntityName, denied.PropertyName));
            Assert.Contains("Distinct", denied.Message, StringComparison.Ordinal);
        }
    }
}
