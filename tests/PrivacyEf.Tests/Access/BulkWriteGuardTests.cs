using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// <c>ExecuteUpdate</c> and <c>ExecuteDelete</c> bypass <c>SaveChanges</c>, but not the query guard: a scope may not
/// set, read into another column, or select rows by a personal property it may not see.
/// </summary>
public abstract class BulkWriteGuardTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_scope_may_not_set_copy_or_test_a_hidden_property_in_bulk()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var overwrite = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.CardNumber, "0000000000000000")));
            Assert.Equal("CardNumber", overwrite.PropertyName);

            // Copying a hidden value into a column the scope may read would disclose it at the next read.
            var copy = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Tier, p => p.Orders.Select(o => o.CardNumber).FirstOrDefault() ?? "none")));
            Assert.Equal("CardNumber", copy.PropertyName);

            var test = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Patrons.ExecuteUpdateAsync(s => s.SetProperty(p => p.Tier, p => p.BirthDate < new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc) ? "old" : "young")));
            Assert.Equal("BirthDate", test.PropertyName);

            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Orders.Where(o => o.CardNumber.StartsWith("41")).ExecuteDeleteAsync());

            // What the scope may see stays writable in bulk.
            Assert.Equal(2, await db.Patrons.ExecuteUpdateAsync(s => s.SetProperty(p => p.Tier, "silver")));
        }

        using (Privacy.System("test: what is stored"))
        {
            Assert.Equal("4111111111111111", await db.Orders.Select(o => o.CardNumber).SingleAsync());
            Assert.Equal(["silver", "silver"], await db.Patrons.OrderBy(p => p.Id).Select(p => p.Tier).ToListAsync());
        }
    }
}
