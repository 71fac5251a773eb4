using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on the consent filter: it is put on the query's roots (<c>db.Members</c>), before EF expands navigations.
/// A navigation from a consenting person's row to another person's row (the member who referred them), read by
/// <c>Include</c> or in a projection, brings that other person's row in through a join no filter was put on: under a
/// consent-bound purpose, the data of someone who never consented flows.
/// </summary>
public abstract class ConsentNavigationTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_navigation_from_a_consenting_persons_row_does_not_bring_in_a_non_consenting_persons_data()
    {
        using var app = new TestApp<ReferralDbContext>(Target, new TestAppSettings { ConfigurePrivacy = Configure });
        await using var db = await app.CreateDatabaseAsync();
        db.Members.AddRange(new ReferredMember { Id = 2, Name = "Bea Silent" }, new ReferredMember { Id = 1, Name = "Ada Consenting", ReferrerId = 2 });
        await db.SaveChangesAsSystemAsync();
        await db.GrantConsentAsync(1, "marketing");

        using (Privacy.Access("marketing", "campaign-bot", ["marketer"]))
        {
            Assert.Equal([1], await db.Members.Select(m => m.Id).ToListAsync());

            // Refused rather than filtered: the filter sits on the query's roots, not on what a navigation brings in.
            var projected = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Members.AsNoTracking().Select(m => m.Referrer == null ? null : m.Referrer.Name).ToListAsync());
            Assert.Equal(("ReferredMember", "Referrer", "marketing"), (projected.EntityName, projected.PropertyName, projected.Purpose));
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Members.AsNoTracking().Include(m => m.Referrer).ToListAsync());
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.Members.AsNoTracking().Include("Referrer").ToListAsync());
        }

        // The same queries under a purpose without consent run as before.
        using (Privacy.System("test: no consent needed"))
        {
            Assert.Contains("Bea Silent", await db.Members.AsNoTracking().Select(m => m.Referrer == null ? null : m.Referrer.Name).ToListAsync());
        }
    }

    private static void Configure(PrivacyOptions options)
    {
        options.Grant("marketer", "marketing", PersonalDataCategory.Identity);
        options.Purpose("marketing").RequiresConsent();
    }
}
