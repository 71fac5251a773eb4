using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>Under a consent-bound purpose, only rows whose data subject has active consent come back, filtered in SQL.</summary>
public abstract class ConsentTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_consent_bound_purpose_reads_only_consenting_subjects_through_an_EXISTS_filter()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.Purpose("newsletter-only"));
        await using var db = app.NewContext();
        await db.GrantConsentAsync(2, "marketing");
        await db.GrantConsentAsync(1, "newsletter-only");
        app.Sql.Clear();

        using (AccessApp.Marketer())
        {
            var reachable = await db.Patrons.AsNoTracking().Select(p => new { p.Id, p.Email }).ToListAsync();
            Assert.Equal(2, Assert.Single(reachable).Id);
            Assert.Equal("grace@cobol.example", reachable[0].Email);
        }

        // The access log writer's own commands run through the same interceptors; only the query matters here.
        var sql = Assert.Single(app.Sql.Commands, command => command.Contains("\"Patrons\"", StringComparison.Ordinal));
        Assert.Contains("EXISTS", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("privacy_consents", sql, StringComparison.Ordinal);

        // The same cached query under a purpose without consent returns every row.
        using (AccessApp.Agent())
        {
            Assert.Equal(2, await db.Patrons.AsNoTracking().Select(p => new { p.Id, p.Email }).CountAsync());
            Assert.Equal([1, 2], await db.Patrons.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task Revoked_consent_stops_the_data_and_the_history_is_kept()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await db.GrantConsentAsync(1, "marketing");
        await db.GrantConsentAsync(2, "marketing");
        using (AccessApp.Marketer())
        {
            Assert.Equal([1, 2], await db.Patrons.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        }

        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await db.RevokeConsentAsync(1, "marketing"));
        using (AccessApp.Marketer())
        {
            Assert.Equal([2], await db.Patrons.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
            Assert.Null(await db.Patrons.FindAsync(1));
        }

        await db.GrantConsentAsync(1, "marketing");
        var history = await db.GetConsentHistoryAsync(1);
        Assert.Equal(2, history.Count);
        Assert.Equal(AccessApp.Start.AddDays(3).UtcDateTime, history[0].RevokedAt);
        Assert.Null(history[1].RevokedAt);
        using (AccessApp.Marketer())
        {
            Assert.Equal([1, 2], await db.Patrons.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task Consent_expires_by_the_applications_clock()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await db.GrantConsentAsync(1, "marketing", expiresAt: AccessApp.Start.AddDays(30));
        await db.GrantConsentAsync(2, "marketing");
        var countConsenting = EF.CompileAsyncQuery((AccessDbContext context) => context.Patrons.Count());

        using (AccessApp.Marketer())
        {
            Assert.Equal(2, await countConsenting(db));
        }

        app.Clock.Advance(TimeSpan.FromDays(31));
        using (AccessApp.Marketer())
        {
            // The compiled query keeps its SQL; the clock reaches it as a parameter on every run.
            Assert.Equal(1, await countConsenting(db));
            Assert.Equal([2], await db.Patrons.Select(p => p.Id).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task Guid_subjects_are_matched_too()
    {
        using var app = await AccessApp.CreateAsync(Target);
        var consenting = Guid.NewGuid();
        var silent = Guid.NewGuid();
        await using var db = app.NewContext();
        db.Devices.AddRange(new Device { Id = 1, OwnerId = consenting, IpAddress = "192.0.2.1" }, new Device { Id = 2, OwnerId = silent, IpAddress = "192.0.2.2" });
        await db.SaveChangesAsSystemAsync();
        await db.GrantConsentAsync(consenting, "marketing");

        using (AccessApp.Marketer())
        {
            var device = Assert.Single(await db.Devices.AsNoTracking().ToListAsync());
            Assert.Equal(consenting, device.OwnerId);
            Assert.Equal("192.0.2.1", device.IpAddress);
        }
    }
}
