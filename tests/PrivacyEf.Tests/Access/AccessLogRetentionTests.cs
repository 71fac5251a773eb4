using Microsoft.EntityFrameworkCore;
using PrivacyEf.Access.Logging;
using PrivacyEf;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Access;

/// <summary>The retention purge applies the access log's own retention (365 days by default).</summary>
public abstract class AccessLogRetentionTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task The_retention_purge_deletes_access_log_entries_past_their_retention_and_counts_them_in_a_dry_run()
    {
        using var app = PrivacyApp.Create(target);
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" });
        await db.SaveChangesAsSystemAsync();
        for (var i = 0; i < 3; i++)
        {
            await db.Customers.AsNoTracking().ToListAsync();
        }

        await db.FlushAccessLogAsync();
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""UPDATE "privacy_access_log" SET "OccurredAt" = {old}""");
        var logged = await db.Set<PrivacyAccessLogEntry>().CountAsync();
        Assert.True(logged >= 3);

        var dryRun = await db.PurgeExpiredAsync(new PurgeOptions { DryRun = true });
        Assert.Equal(logged, Assert.Single(dryRun.Entities, e => e.Entity == nameof(PrivacyAccessLogEntry)).Rows);
        Assert.Equal(logged, await db.Set<PrivacyAccessLogEntry>().CountAsync());

        var purge = await db.PurgeExpiredAsync();
        Assert.Equal(logged, Assert.Single(purge.Entities, e => e.Entity == nameof(PrivacyAccessLogEntry)).Rows);
        Assert.DoesNotContain(await db.Set<PrivacyAccessLogEntry>().AsNoTracking().ToListAsync(), e => e.OccurredAt == old);
    }
}
