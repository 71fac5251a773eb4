using Microsoft.EntityFrameworkCore;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Access.Self;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on self access: the read guards decide "is this the scope's own row?" from the link value the query hands
/// them, and a query can hand them any value. An entity type built inside a projection (<c>new Shopper { Id = 1,
/// Name = s.Name }</c>) and read again after an operator the normalizer does not see through (<c>Take</c>,
/// <c>Skip</c>) is guarded with the forged <c>Id</c> as the row's subject; a <c>FromSql</c> whose link column is
/// aliased does the same for entities. Another shopper's values come out unmasked, and the access log names the
/// wrong person.
/// </summary>
public abstract class SelfProjectionForgeryTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task An_entity_built_in_a_projection_with_the_selfs_id_does_not_unmask_another_shoppers_name()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (SelfAccessModel.Shopper1())
        {
            // Shopper 2's row, re-labelled as shopper 1's inside the query.
            var name = await db.Shoppers.Where(s => s.Id == 2)
                .Select(s => new Shopper { Id = 1, Name = s.Name })
                .Take(1)
                .Select(x => x.Name)
                .SingleAsync();
            Assert.NotEqual("Bea Shopper", name);

            var notes = await db.Orders.OrderBy(o => o.Id)
                .Select(o => new ShopperOrder { Id = o.Id, ShopperId = 1, Note = o.Note })
                .Skip(0)
                .Select(x => x.Note)
                .ToListAsync();
            // Shopper 1's own note may come back masked too: a row the query built says nothing true about whose it is.
            Assert.NotEqual("leave at door", notes[1]);
        }
    }

    [SkippableFact]
    public async Task A_forged_projection_is_not_logged_as_a_read_of_the_selfs_own_data()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (SelfAccessModel.Shopper1())
        {
            await db.Shoppers.Where(s => s.Id == 2).Select(s => new Shopper { Id = 1, Name = s.Name }).Take(1).Select(x => x.Name).ToListAsync();
        }

        await db.FlushAccessLogAsync();

        // Nothing of shopper 1 was read; if anything was disclosed it was shopper 2's name.
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "shopper-1").ToListAsync();
        Assert.DoesNotContain(entries, e => e.Entity == nameof(Shopper) && e.SubjectIds == "1");
    }

    [SkippableFact]
    public async Task FromSql_that_aliases_the_link_column_does_not_unmask_another_shoppers_order()
    {
        using var app = App();
        await using var db = await SelfAccessModel.SeedAsync(app);
        using (SelfAccessModel.Shopper1())
        {
            // Every order, each claiming to be shopper 1's: the guard would trust the link the SQL returns, so the run is refused.
            var refused = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Orders.FromSqlRaw("SELECT \"Id\", 1 AS \"ShopperId\", \"Note\" FROM \"Orders\"")
                .AsNoTracking()
                .OrderBy(o => o.Id)
                .Select(o => o.Note)
                .ToListAsync());
            Assert.Equal((nameof(ShopperOrder), "ShopperId"), (refused.EntityName, refused.PropertyName));
        }
    }

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = SelfAccessModel.Configure });
}
