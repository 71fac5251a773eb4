using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on consent ids: grant, revoke and history compare the id as text (<c>SubjectIds.Format</c>), without reading
/// it as the kind's key. A Guid granted as a Guid is stored in lowercase; revoking it with the same Guid as text in
/// another case (as a form, a URL or another system hands it over, and as <c>Guid.Parse</c> accepts it) matches
/// nothing: the revocation reports 0, the history is empty, and the person's rows keep flowing under the purpose they
/// withdrew from.
/// </summary>
public abstract class ConsentIdFormTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Revoking_a_guid_subjects_consent_with_its_text_in_upper_case_stops_their_rows()
    {
        using var app = new TestApp<KindsDbContext>(Target, new TestAppSettings { ConfigurePrivacy = Configure });
        await using var db = await app.CreateDatabaseAsync();
        var id = Guid.NewGuid();
        db.Contractors.Add(new Contractor { Id = id, Name = "Cy Contractor" });
        await db.SaveChangesAsSystemAsync();
        await db.GrantConsentAsync<Contractor>(id, "marketing");

        var text = id.ToString().ToUpperInvariant();
        await db.RevokeConsentAsync<Contractor>(text, "marketing");

        using (Privacy.Access("marketing", "campaign-bot", ["marketer"]))
        {
            Assert.Empty(await db.Contractors.AsNoTracking().ToListAsync());
        }

        Assert.NotNull(Assert.Single(await db.GetConsentHistoryAsync<Contractor>(text)).RevokedAt);
    }

    private static void Configure(PrivacyOptions options)
    {
        options.Grant("marketer", "marketing", PersonalDataCategory.Identity);
        options.Purpose("marketing").RequiresConsent();
    }
}
