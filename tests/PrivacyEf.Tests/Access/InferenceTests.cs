using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// A reader who may not see a value may not ask questions about it either: filtering, sorting, grouping, joining or
/// aggregating by a personal property answers them one at a time, though every returned value is masked. The agent
/// (support) may not see birth dates or card numbers; the clerk (billing) may see cards but not birth dates.
/// </summary>
public abstract class InferenceTests(DatabaseTarget target)
{
    private static readonly DateTime Year1900 = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly List<string> LocalCards = ["4111111111111111"];

    // One compiled query per model (a compiled query serves one model), reused by every scope of a test.
    private static readonly ConcurrentDictionary<IModel, Func<AccessDbContext, DateTime, Task<int>>> CompiledCounts = new();

    /// <summary>Queries that use a property without returning it through the projection guard, with what a system scope gets.</summary>
    private static readonly Dictionary<string, (string Property, Func<AccessDbContext, Task<object?>> Run, object? SystemResult)> Shapes = new()
    {
        ["Count with a predicate"] = ("BirthDate", async db => await db.Patrons.CountAsync(p => p.BirthDate < Year1900), 1),
        ["Any with a range"] = ("BirthDate", async db => await db.Patrons.AnyAsync(p => p.BirthDate > new DateTime(1800, 1, 1, 0, 0, 0, DateTimeKind.Utc) && p.BirthDate < new DateTime(1820, 1, 1, 0, 0, 0, DateTimeKind.Utc)), true),
        ["Where returning only ids"] = ("BirthDate", async db => string.Join(",", await db.Patrons.Where(p => p.BirthDate != null).Select(p => p.Id).ToListAsync()), "1"),
        ["OrderBy returning only ids"] = ("BirthDate", async db => await db.Patrons.OrderBy(p => p.BirthDate ?? Year1900).Select(p => p.Id).FirstAsync(), 1),
        ["GroupBy key"] = ("BirthDate", async db => (await db.Patrons.GroupBy(p => p.BirthDate).Select(g => g.Count()).ToListAsync()).Count, 2),
        ["Distinct values"] = ("BirthDate", async db => (await db.Patrons.Select(p => p.BirthDate).Distinct().ToListAsync()).Count, 2),
        ["Max of values"] = ("BirthDate", async db => await db.Patrons.Select(p => p.BirthDate).MaxAsync(), new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc)),
        ["Contains a value"] = ("CardNumber", async db => await db.Orders.Select(o => o.CardNumber).ContainsAsync("4111111111111111"), true),
        ["StartsWith in a nested count"] = ("CardNumber", async db => (await db.Patrons.OrderBy(p => p.Id).Select(p => new { p.Id, Visa = p.Orders.Count(o => o.CardNumber.StartsWith("41")) }).FirstAsync()).Visa, 1),
        ["Where on a member carried by an anonymous type"] = ("BirthDate", async db => await db.Patrons.Select(p => new { p.Id, p.BirthDate }).Where(x => x.BirthDate < Year1900).Select(x => x.Id).SingleAsync(), 1),
        ["a Join key"] = ("CardNumber", async db => await db.Orders.Join(db.Orders, o => o.CardNumber, o2 => o2.CardNumber, (o, o2) => o.Id).CountAsync(), 1),
        ["Distinct over a carrying projection"] = ("CardNumber", async db => (await db.Orders.Select(o => new { o.CardNumber }).Distinct().ToListAsync()).Count, 1),
        ["a second sequence inside the projection"] = ("CardNumber", async db => await db.Patrons.Where(p => p.Id == 1).Select(p => p.Orders.Select(o => "0").Concat(p.Orders.Select(o => o.CardNumber)).Max()).SingleAsync(), "4111111111111111"),
        ["a constant array's Contains inside the projection"] = ("CardNumber", async db => await db.Orders.Select(o => new[] { "4" }.Contains(o.CardNumber.Substring(0, 1))).SingleAsync(), true),
        ["a local list's Contains inside the projection"] = ("CardNumber", async db => await db.Orders.Select(o => LocalCards.Contains(o.CardNumber)).SingleAsync(), true),
        ["EF.Functions.Like inside the projection"] = ("CardNumber", async db => await db.Orders.Select(o => EF.Functions.Like(o.CardNumber, "41%")).SingleAsync(), true),
        ["Max of a nested collection"] = ("CardNumber", async db => await db.Patrons.Where(p => p.Id == 1).Select(p => p.Orders.Select(o => o.CardNumber).Max()).SingleAsync(), "4111111111111111"),
        ["Distinct count of a nested collection"] = ("CardNumber", async db => await db.Patrons.Where(p => p.Id == 1).Select(p => p.Orders.Select(o => o.CardNumber).Distinct().Count()).SingleAsync(), 1),
        ["EF.Property in a predicate"] = ("BirthDate", async db => await db.Patrons.CountAsync(p => EF.Property<DateTime?>(p, "BirthDate") < Year1900), 1),
        ["a compiled query"] = ("BirthDate", async db => await CompiledCounts.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((AccessDbContext c, DateTime before) => c.Patrons.Count(p => p.BirthDate < before)))(db, Year1900), 1),
    };

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [MemberData(nameof(ShapeNames))]
    public async Task A_scope_that_may_not_see_a_property_may_not_query_by_it(string shape)
    {
        var (property, run, systemResult) = Shapes[shape];
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();

        using (Privacy.System("test: the answer a system scope gets"))
        {
            Assert.Equal(systemResult, await run(db));
        }

        // Compiled and cached above: the refusal is made on every run, for the scope of that run.
        using (AccessApp.Agent())
        {
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => run(db));
            Assert.Equal(property == "BirthDate" ? nameof(Patron) : nameof(PatronOrder), denied.EntityName);
            Assert.Equal(property, denied.PropertyName);
            Assert.Equal("support", denied.Purpose);
            Assert.Contains($"{denied.EntityName}.{property}", denied.Message, StringComparison.Ordinal);
        }

        var unscoped = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => run(db));
        Assert.Equal(property, unscoped.PropertyName);
        Assert.Contains("No access scope is open", unscoped.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_scope_may_query_by_what_it_may_see_and_not_by_what_it_may_not()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Clerk())
        {
            Assert.Equal(1, await db.Orders.CountAsync(o => o.CardNumber.StartsWith("4111")));
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.CountAsync(p => p.BirthDate < Year1900));
            Assert.Equal("BirthDate", denied.PropertyName);
        }

        using (AccessApp.Agent())
        {
            // Properties that are not personal, and a projection of a masked value, are as before.
            Assert.Equal(2, await db.Patrons.CountAsync(p => p.Tier == "basic" || p.Id == 1));
            Assert.Equal(ReadPathTests.MaskedAdaBirthDate, await db.Patrons.Where(p => p.Id == 1).Select(p => p.BirthDate).SingleAsync());

            // A condition on a member carried by a projection, moved before it, is a condition on the property.
            Assert.Equal(1, await db.Patrons.Select(p => new { p.Id, p.Tier }).Where(x => x.Tier == "gold").CountAsync());
        }
    }

    [SkippableFact]
    public async Task The_scope_of_the_run_decides_even_when_the_query_was_first_refused()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.CountAsync(p => p.BirthDate < Year1900));
        }

        using (Privacy.System("test: same query, system scope"))
        {
            Assert.Equal(1, await db.Patrons.CountAsync(p => p.BirthDate < Year1900));
        }
    }

    [SkippableFact]
    public async Task An_option_allows_conditions_on_hidden_values()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.AllowConditionsOnHiddenValues = true);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            Assert.Equal(1, await db.Patrons.CountAsync(p => p.BirthDate < Year1900));
        }
    }

    [SkippableFact]
    public async Task A_blind_index_lookup_is_a_question_about_the_value()
    {
        using var app = PrivacyApp.Create(Target, configure: o =>
        {
            o.WithoutScope = UnscopedAccess.Deny;
            o.Grant("agent", "support", PersonalDataCategory.Contact);
        });
        await using var db = await app.CreateDatabaseAsync();
        using (Privacy.System("test: seeding"))
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada Lovelace", Email = "ada@analytical.example" });
            await db.SaveChangesAsync();
        }

        // Whether someone with this address is a customer: a question the marketing scope may not ask.
        using (Privacy.Access("marketing", "campaign-bot", ["agent"]))
        {
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Customers.AnyAsync(c => c.Email == "ada@analytical.example"));
            Assert.Equal((nameof(Customer), nameof(Customer.Email), "marketing"), (denied.EntityName, denied.PropertyName, denied.Purpose));
        }

        await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Customers.AnyAsync(c => c.Email == "ada@analytical.example"));

        using (Privacy.Access("support", "agent-7", ["agent"]))
        {
            Assert.True(await db.Customers.AnyAsync(c => c.Email == "ada@analytical.example"));
        }
    }
}
