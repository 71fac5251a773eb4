using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// Every way EF Core reads data, under an agent (support: may not see IBANs, card numbers or birth dates), a billing
/// clerk (may see IBANs and cards) and no scope (sees nothing personal). Each provider runs these through a subclass.
/// </summary>
public abstract class ReadPathTests(DatabaseTarget target)
{
    public const string AdaIban = "GB33BUKB20201555555555";
    public static readonly string MaskedAdaIban = new string('*', 18) + "5555";
    public static readonly DateTime MaskedAdaBirthDate = new(1815, 1, 1);

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Tracked_entity_query_masks_what_the_scope_may_not_see()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
            Assert.Equal("Ada Lovelace", ada.Name);
            Assert.Equal("ada@analytical.example", ada.Email);
            Assert.Equal(MaskedAdaIban, ada.Iban);
            Assert.Equal(MaskedAdaBirthDate, ada.BirthDate);
            Assert.False(db.ChangeTracker.HasChanges());
        }
    }

    [SkippableFact]
    public async Task No_tracking_query_masks_by_role_and_purpose()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var agentView = await db.Patrons.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            Assert.Equal([MaskedAdaIban, new string('*', 18) + "3000"], agentView.Select(p => p.Iban));
        }

        using (AccessApp.Clerk())
        {
            var clerkView = await db.Patrons.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            Assert.Equal([AdaIban, "DE89370400440532013000"], clerkView.Select(p => p.Iban));
            Assert.Equal(new DateTime(1815, 1, 1), clerkView[0].BirthDate);
        }
    }

    [SkippableFact]
    public async Task Without_a_scope_nothing_personal_is_disclosed_and_a_system_scope_sees_everything()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        var unscoped = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
        Assert.Equal("A. L.", unscoped.Name);
        Assert.Equal("a***@analytical.example", unscoped.Email);
        Assert.Equal(MaskedAdaIban, unscoped.Iban);
        Assert.Equal(MaskedAdaBirthDate, unscoped.BirthDate);
        Assert.Equal("gold", unscoped.Tier);

        using (Privacy.System("test: system reads"))
        {
            var system = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal(AdaIban, system.Iban);
            Assert.Equal(new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc), system.BirthDate);
        }
    }

    [SkippableFact]
    public async Task Include_masks_the_included_entities()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.Include(p => p.Orders).AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal("************1111", Assert.Single(ada.Orders).CardNumber);
        }

        using (AccessApp.Clerk())
        {
            var ada = await db.Patrons.Include(p => p.Orders).AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal("4111111111111111", Assert.Single(ada.Orders).CardNumber);
        }
    }

    [SkippableFact]
    public async Task Split_queries_mask_every_part()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.Include(p => p.Orders).AsSplitQuery().SingleAsync(p => p.Id == 1);
            Assert.Equal(MaskedAdaIban, ada.Iban);
            Assert.Equal("************1111", Assert.Single(ada.Orders).CardNumber);
        }
    }

    [SkippableFact]
    public async Task Scalar_projections_are_guarded()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            Assert.Equal(MaskedAdaIban, await db.Patrons.Where(p => p.Id == 1).Select(p => p.Iban).SingleAsync());
            Assert.Equal(MaskedAdaBirthDate, await db.Patrons.Where(p => p.Id == 1).Select(p => p.BirthDate).SingleAsync());
            Assert.Equal("ada@analytical.example", await db.Patrons.Where(p => p.Id == 1).Select(p => p.Email).SingleAsync());
            Assert.Equal(MaskedAdaIban, await db.Patrons.Where(p => p.Id == 1).Select(p => EF.Property<string>(p, nameof(Patron.Iban))).SingleAsync());
            Assert.Equal(MaskedAdaIban, db.Patrons.Where(p => p.Id == 1).Select(p => p.Iban).Single());
        }

        Assert.Equal(MaskedAdaIban, await db.Patrons.Where(p => p.Id == 1).Select(p => p.Iban).SingleAsync());
        Assert.Equal("A. L.", await db.Patrons.Where(p => p.Id == 1).Select(p => p.Name.ToUpperInvariant()).SingleAsync());
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Min_and_max_of_personal_values_are_refused_or_guarded(bool allowConditionsOnHiddenValues)
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.AllowConditionsOnHiddenValues = allowConditionsOnHiddenValues);
        await using var db = app.NewContext();
        var latest = new DateTime(1906, 12, 9, 0, 0, 0, DateTimeKind.Utc);
        using (Privacy.System("test: a second birth date"))
        {
            var grace = await db.Patrons.SingleAsync(p => p.Id == 2);
            grace.BirthDate = latest;
            await db.SaveChangesAsync();
        }

        using (AccessApp.Agent())
        {
            Assert.Equal(42.0m, await db.Orders.MaxAsync(o => o.Amount) + 29.5m);
            if (allowConditionsOnHiddenValues)
            {
                // The extreme is found by the database on the real values, then masked like any projection.
                Assert.Equal(new DateTime(1906, 1, 1), await db.Patrons.MaxAsync(p => p.BirthDate));
                Assert.Equal(MaskedAdaBirthDate, await db.Patrons.Select(p => p.BirthDate).MinAsync());
            }
            else
            {
                // Which patron is oldest is a question about birth dates, which the agent may not see.
                Assert.Equal("BirthDate", (await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.MaxAsync(p => p.BirthDate))).PropertyName);
                Assert.Equal("BirthDate", (await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.Select(p => p.BirthDate).MinAsync())).PropertyName);
            }
        }

        using (Privacy.System("test: the real extremes"))
        {
            Assert.Equal(latest, await db.Patrons.MaxAsync(p => p.BirthDate));
            Assert.Equal(new DateTime(1815, 12, 10), await db.Patrons.Select(p => p.BirthDate).MinAsync());
            Assert.Null(await db.Patrons.Where(p => p.Id > 100).MaxAsync(p => p.BirthDate));
        }
    }

    [SkippableFact]
    public async Task Anonymous_type_and_dto_projections_are_guarded()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var anonymous = await db.Patrons.Where(p => p.Id == 1).Select(p => new { p.Id, p.Email, p.Iban, Shout = p.Iban!.ToUpperInvariant() }).SingleAsync();
            Assert.Equal(1, anonymous.Id);
            Assert.Equal("ada@analytical.example", anonymous.Email);
            Assert.Equal(MaskedAdaIban, anonymous.Iban);
            Assert.Equal(MaskedAdaIban, anonymous.Shout);

            var dto = await db.Patrons.Where(p => p.Id == 1).Select(p => new PatronDto { Id = p.Id, Name = p.Name, Iban = p.Iban }).SingleAsync();
            Assert.Equal("Ada Lovelace", dto.Name);
            Assert.Equal(MaskedAdaIban, dto.Iban);
        }

        using (AccessApp.Clerk())
        {
            var dto = await db.Patrons.Where(p => p.Id == 1).Select(p => new PatronDto { Id = p.Id, Name = p.Name, Iban = p.Iban }).SingleAsync();
            Assert.Equal(AdaIban, dto.Iban);
        }
    }

    [SkippableFact]
    public async Task Projections_through_navigations_and_nested_collections_are_guarded()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var order = await db.Orders.Select(o => new { o.CardNumber, o.Patron!.Iban, o.Patron.Email }).SingleAsync();
            Assert.Equal("************1111", order.CardNumber);
            Assert.Equal(MaskedAdaIban, order.Iban);
            Assert.Equal("ada@analytical.example", order.Email);

            var nested = await db.Patrons.Where(p => p.Id == 1)
                .Select(p => new { p.Id, Cards = p.Orders.Where(o => o.Amount > 0).Select(o => o.CardNumber).ToList() })
                .SingleAsync();
            Assert.Equal("************1111", Assert.Single(nested.Cards));

            // A member of an anonymous type filled from a personal property, read after further operators, is guarded too.
            var carried = await db.Patrons.Select(p => new { p.Id, Card = p.Iban }).Where(x => x.Id == 1).OrderBy(x => x.Id).Select(x => x.Card).SingleAsync();
            Assert.Equal(MaskedAdaIban, carried);
        }
    }

    [SkippableFact]
    public async Task FromSql_composed_with_linq_is_masked()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var entity = await db.Patrons.FromSql($"SELECT * FROM \"Patrons\"").Where(p => p.Id == 1).AsNoTracking().SingleAsync();
            Assert.Equal(MaskedAdaIban, entity.Iban);
            var projected = await db.Patrons.FromSql($"SELECT * FROM \"Patrons\"").Where(p => p.Id == 1).Select(p => p.Iban).SingleAsync();
            Assert.Equal(MaskedAdaIban, projected);
        }
    }

    [SkippableFact]
    public async Task Compiled_queries_check_the_scope_each_time_they_run()
    {
        // Compiled queries belong to one model, and each application here has its own.
        var compiledIbanById = EF.CompileAsyncQuery((AccessDbContext db, int id) => db.Patrons.Where(p => p.Id == id).Select(p => p.Iban).First());
        var compiledPatronById = EF.CompileAsyncQuery((AccessDbContext db, int id) => db.Patrons.AsNoTracking().First(p => p.Id == id));
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            Assert.Equal(MaskedAdaIban, await compiledIbanById(db, 1));
            Assert.Equal(MaskedAdaIban, (await compiledPatronById(db, 1)).Iban);
        }

        using (AccessApp.Clerk())
        {
            Assert.Equal(AdaIban, await compiledIbanById(db, 1));
            Assert.Equal(AdaIban, (await compiledPatronById(db, 1)).Iban);
        }
    }

    [SkippableFact]
    public async Task A_cached_query_serves_two_scopes_differently()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        async Task<string?> ReadIban() => await db.Patrons.Where(p => p.Id == 1).Select(p => new { p.Iban }).Select(x => x.Iban).SingleAsync();

        string? asClerk, asAgent, asClerkAgain;
        using (AccessApp.Clerk())
        {
            asClerk = await ReadIban();
        }

        using (AccessApp.Agent())
        {
            asAgent = await ReadIban();
        }

        using (AccessApp.Clerk())
        {
            asClerkAgain = await ReadIban();
        }

        Assert.Equal(AdaIban, asClerk);
        Assert.Equal(MaskedAdaIban, asAgent);
        Assert.Equal(AdaIban, asClerkAgain);
    }

    [SkippableFact]
    public async Task Streaming_with_AsAsyncEnumerable_masks_each_row()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ibans = new List<string?>();
            await foreach (var patron in db.Patrons.OrderBy(p => p.Id).AsNoTracking().AsAsyncEnumerable())
            {
                ibans.Add(patron.Iban);
            }

            await foreach (var iban in db.Patrons.OrderBy(p => p.Id).Select(p => p.Iban).AsAsyncEnumerable())
            {
                ibans.Add(iban);
            }

            Assert.All(ibans, iban => Assert.StartsWith("******************", iban, StringComparison.Ordinal));
            Assert.Equal(4, ibans.Count);
        }
    }

    [SkippableFact]
    public async Task Find_masks_the_entity_it_loads()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.FindAsync(1);
            Assert.NotNull(ada);
            Assert.Equal(MaskedAdaIban, ada.Iban);
            Assert.Equal("ada@analytical.example", ada.Email);
        }
    }

    [SkippableFact]
    public async Task Switching_query_filters_off_discloses_nothing_more()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var all = await db.Patrons.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(3, all.Count);
            Assert.Equal(new string('*', 23) + "2606", all[2].Iban);
            var projected = await db.Patrons.IgnoreQueryFilters().Where(p => p.Id == 3).Select(p => p.Iban).SingleAsync();
            Assert.Equal(new string('*', 23) + "2606", projected);
        }
    }

    [SkippableFact]
    public async Task With_OnDenied_Throw_a_denied_read_names_entity_property_and_purpose()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.OnDenied = AccessDeniedBehavior.Throw);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var entity = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1));
            Assert.Equal("Patron", entity.EntityName);
            Assert.Contains(entity.PropertyName, new[] { "Iban", "BirthDate" });
            Assert.Equal("support", entity.Purpose);
            Assert.Contains("Patron." + entity.PropertyName, entity.Message, StringComparison.Ordinal);

            var projected = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.Where(p => p.Id == 1).Select(p => p.Iban).SingleAsync());
            Assert.Equal("Iban", projected.PropertyName);

            // What the scope may see still reads without complaint.
            Assert.Equal("ada@analytical.example", await db.Patrons.Where(p => p.Id == 1).Select(p => p.Email).SingleAsync());
        }
    }
}
