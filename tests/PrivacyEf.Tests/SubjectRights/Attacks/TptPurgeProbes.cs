using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>EF runs no set-based delete on a TPT hierarchy: the purge names the entity before it changes anything.</summary>
public sealed class TptPurgeProbes
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Purging_a_tpt_hierarchy_is_refused_naming_it_and_nothing_changes()
    {
        using var app = new TestApp<AtkTptDbContext>(new SqliteTarget());
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Vehicles.Add(new AtkTruck { Id = 1, BoughtAt = Now.AddDays(-60), Axles = 3 });
            db.Vehicles.Add(new AtkVehicle { Id = 2, BoughtAt = Now.AddDays(-60) });
            await db.SaveChangesAsSystemAsync();
            db.Permits.Add(new AtkPermit { Id = 1, TruckId = 1, OnHold = true });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.PurgeExpiredAsync(new PurgeOptions { Now = Now }));
            Assert.Contains("AtkVehicle", refused.Message, StringComparison.Ordinal);
            Assert.Contains("table-per-type", refused.Message, StringComparison.Ordinal);
        }

        await using (var check = app.NewContext())
        {
            Assert.Equal(1, await check.Permits.CountAsync());
            Assert.Equal([1, 2], await check.Vehicles.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());
        }
    }
}
