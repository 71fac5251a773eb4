using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.HeldHierarchy;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>
/// A hierarchy is erased through its base type, but each row keeps the rules of its own type: a derived type's legal
/// hold keeps its held rows, though the base type declares none. (The shape matrix's Erasure cells check the same for a
/// derived type retained with <c>Then = Anonymize</c>.)
/// </summary>
public abstract class DerivedTypeHoldTests(DatabaseTarget target)
{
    private static readonly DateTimeOffset Filed = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Erasure_through_the_base_type_keeps_a_row_its_derived_type_holds()
    {
        using var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var receipt = await db.EraseSubjectAsync(1);
            Assert.Equal((2, 1), (receipt.Erased, receipt.Held));
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            var held = Assert.Single(await db.Filings.AsNoTracking().ToListAsync());
            Assert.Equal((1, "disputed, on hold"), (held.Id, held.Text));
        }
    }

    [SkippableFact]
    public async Task The_purge_of_the_base_type_keeps_a_row_its_derived_type_holds()
    {
        using var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Filed.AddDays(60) });
            Assert.Equal((2, 1), (report.RowsDeleted, report.RowsHeld));
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            Assert.Equal([1], await db.Filings.Select(f => f.Id).ToListAsync());
        }
    }

    private async Task<TestApp<FilingDbContext>> SeedAsync()
    {
        var app = new TestApp<FilingDbContext>(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Filings.AddRange(
            new DisputedFiling { Id = 1, CustomerId = 1, Text = "disputed, on hold", FiledAt = Filed, OnHold = true },
            new DisputedFiling { Id = 2, CustomerId = 1, Text = "disputed, released", FiledAt = Filed },
            new RoutineFiling { Id = 3, CustomerId = 1, Text = "routine", FiledAt = Filed });
        await db.SaveChangesAsSystemAsync();
        return app;
    }
}
