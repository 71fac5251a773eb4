using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>Consent is recorded only for a declared purpose and a subject that exists.</summary>
public abstract class ConsentValidationTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Consent_to_an_undeclared_purpose_is_refused_naming_the_declared_ones()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => db.GrantConsentAsync(1, "telemarketing"));
        Assert.Equal("purpose", refused.ParamName);
        Assert.Contains("Consent to 'telemarketing' cannot be recorded: the application declares no such purpose (declared: billing, marketing, support)", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await db.GetConsentHistoryAsync(1));
    }

    [SkippableFact]
    public async Task Consent_for_an_unknown_subject_is_refused_and_a_subject_created_later_is_not_reachable()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => db.GrantConsentAsync(404, "marketing"));
        Assert.Equal("subjectId", refused.ParamName);
        Assert.Contains("Consent for data subject '404' of kind Patron cannot be recorded: no row of ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Patron.Id", refused.Message, StringComparison.Ordinal);
        Assert.Contains("PatronOrder.PatronId", refused.Message, StringComparison.Ordinal);

        // An id no subject property can even hold is unknown too.
        await Assert.ThrowsAsync<ArgumentException>(() => db.GrantConsentAsync("not-a-subject", "marketing"));
        Assert.Empty(await db.GetConsentHistoryAsync(404));

        db.Patrons.Add(new Patron { Id = 404, Name = "Newcomer", Email = "new@example.com", Tier = "basic" });
        await db.SaveChangesAsSystemAsync();
        using (AccessApp.Marketer())
        {
            Assert.DoesNotContain(404, await db.Patrons.AsNoTracking().Select(p => p.Id).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task Consent_for_an_existing_subject_is_recorded_even_when_filtered_or_granted_under_a_consent_bound_scope()
    {
        using var app = await AccessApp.CreateAsync(Target);
        var owner = Guid.NewGuid();
        await using var db = app.NewContext();
        db.Devices.Add(new Device { Id = 1, OwnerId = owner, IpAddress = "192.0.2.1" });
        await db.SaveChangesAsSystemAsync();

        // Patron 3 is archived (hidden by the query filter), and the marketer's own scope filters by consent: the
        // subject is found all the same.
        using (AccessApp.Marketer())
        {
            await db.GrantConsentAsync(3, "marketing");
            await db.GrantConsentAsync(1, "marketing");
        }

        await db.GrantConsentAsync(owner, "marketing");
        await db.GrantConsentAsync("2", "support");

        Assert.Equal("marketing", Assert.Single(await db.GetConsentHistoryAsync(3)).Purpose);
        Assert.Equal("support", Assert.Single(await db.GetConsentHistoryAsync(2)).Purpose);
        Assert.Single(await db.GetConsentHistoryAsync(owner));
        using (AccessApp.Marketer())
        {
            Assert.Equal([1], await db.Patrons.AsNoTracking().Select(p => p.Id).ToListAsync());
        }
    }
}
