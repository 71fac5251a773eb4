using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class CrossKindCascadeProbes
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Erasing_a_clerk_never_touches_a_shoppers_sale_and_export_leaves_it_out()
    {
        using var app = new TestApp<AtkKindsDbContext>(new SqliteTarget());
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Shoppers.Add(new AtkShopper { Id = 1, Name = "Shopper Ada" });
            db.Clerks.Add(new AtkClerk { Id = 1, Name = "Clerk Bob" });
            await db.SaveChangesAsSystemAsync();
            db.Sales.Add(new AtkSale { Id = 1, ShopperId = 1, ClerkId = 1, Item = "ada's umbrella" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var export = await db.ExportSubjectAsync<AtkClerk>(1);
            Assert.DoesNotContain(export.Entities, e => e.Entity == nameof(AtkSale));
            var receipt = await db.EraseSubjectAsync<AtkClerk>(1);
        }

        await using (var db = app.NewContext())
        {
            using (Privacy.System("check"))
            {
                var sale = await db.Sales.AsNoTracking().SingleAsync();
                Assert.Equal("ada's umbrella", sale.Item);
                Assert.Equal("Shopper Ada", (await db.Shoppers.AsNoTracking().SingleAsync()).Name);
                Assert.DoesNotContain("Bob", (await db.Clerks.AsNoTracking().SingleAsync()).Name, StringComparison.Ordinal);
            }
        }
    }
}
