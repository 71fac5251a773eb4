using Microsoft.EntityFrameworkCore;
using PrivacyEf.Access.Consent;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;
using PrivacyEf.Tests.Model.Kinds.Unnamed;
using PrivacyEf.Tests.Model.ShadowLinks;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// Consent and the access log name the kind of data subject: shopper 1 and staff member 1 are different people, so one's
/// consent lets none of the other's rows flow, and a log entry says whose data it disclosed.
/// </summary>
public abstract class ConsentKindTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Consent_of_one_kind_lets_only_that_kinds_rows_flow()
    {
        using var app = App();
        await using var db = await SeedAsync(app);
        await db.GrantConsentAsync<Shopper>(1, "marketing");

        using (Marketer())
        {
            Assert.Equal([1], await db.Shoppers.Select(s => s.Id).ToListAsync());
            Assert.Equal([1], await db.Orders.Select(o => o.ShopperId).ToListAsync());
            Assert.Empty(await db.Staff.ToListAsync());
            Assert.Empty(await db.Payslips.ToListAsync());
        }

        await db.GrantConsentAsync<StaffMember>(1, "marketing");
        using (Marketer())
        {
            Assert.Equal([1], await db.Staff.Select(s => s.Id).ToListAsync());
            Assert.Equal([4200.00m], await db.Payslips.Select(p => p.Amount).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task An_id_alone_is_refused_for_grant_revoke_and_history_naming_the_kinds()
    {
        using var app = App();
        await using var db = await SeedAsync(app);

        var grant = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GrantConsentAsync(1, "marketing"));
        Assert.Contains(nameof(Shopper), grant.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(StaffMember), grant.Message, StringComparison.Ordinal);
        Assert.Contains("GrantConsentAsync<", grant.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.RevokeConsentAsync(1, "marketing"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.GetConsentHistoryAsync(1));
        Assert.Empty(await db.Set<PrivacyConsent>().ToListAsync());
    }

    [SkippableFact]
    public async Task Revocation_and_history_are_kept_per_kind()
    {
        using var app = App();
        await using var db = await SeedAsync(app);
        await db.GrantConsentAsync<Shopper>(1, "marketing");
        await db.GrantConsentAsync<StaffMember>(1, "marketing");

        Assert.Equal(1, await db.RevokeConsentAsync<Shopper>(1, "marketing"));

        Assert.NotNull(Assert.Single(await db.GetConsentHistoryAsync<Shopper>(1)).RevokedAt);
        var staff = Assert.Single(await db.GetConsentHistoryAsync<StaffMember>(1));
        Assert.Null(staff.RevokedAt);
        Assert.Equal(nameof(StaffMember), staff.SubjectKind);
        using (Marketer())
        {
            Assert.Empty(await db.Shoppers.ToListAsync());
            Assert.Equal([1], await db.Staff.Select(s => s.Id).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task Consent_for_an_id_only_another_kind_holds_is_refused()
    {
        using var app = App();
        await using var db = await SeedAsync(app);

        // Shopper 2 exists; staff member 2 does not, and consent recorded ahead of them would be inherited.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => db.GrantConsentAsync<StaffMember>(2, "marketing"));
        Assert.Contains("data subject '2' of kind StaffMember", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Payslip.StaffMemberId", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ShopperOrder", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => db.GrantConsentAsync<ShopperOrder>(1, "marketing"));
    }

    [SkippableFact]
    public async Task The_access_log_records_the_kind_and_the_chain_covers_it()
    {
        using var app = App();
        await using var db = await SeedAsync(app);
        using (Privacy.Access("payroll", "clerk-3", ["clerk"]))
        {
            await db.Shoppers.AsNoTracking().ToListAsync();
            await db.Payslips.Select(p => new { p.StaffMemberId, p.Amount }).ToListAsync();
        }

        await db.FlushAccessLogAsync();
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "clerk-3").ToListAsync();
        Assert.Equal(nameof(Shopper), Assert.Single(entries, e => e.Entity == nameof(Shopper)).SubjectKind);
        var payslip = Assert.Single(entries, e => e.Entity == nameof(Payslip));
        Assert.Equal((nameof(StaffMember), "1"), (payslip.SubjectKind, payslip.SubjectIds));
        Assert.True((await db.VerifyAccessLogAsync()).IsIntact);

        // The kind is part of the hash: an entry moved to another kind no longer verifies.
        await db.Set<PrivacyAccessLogEntry>().Where(e => e.Sequence == payslip.Sequence)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.SubjectKind, nameof(Shopper)));
        Assert.False((await db.VerifyAccessLogAsync()).IsIntact);
    }

    [SkippableFact]
    public async Task Rows_linked_through_a_shadow_foreign_key_are_filtered_by_consent()
    {
        using var app = new TestApp<ShadowLinkDbContext>(Target, new TestAppSettings { ConfigurePrivacy = ConfigureMarketing });
        await using var db = await app.CreateDatabaseAsync();
        var ada = new Guest { Id = 1, Name = "Ada" };
        var grace = new Guest { Id = 2, Name = "Grace" };
        db.Stays.AddRange(new Stay { Id = 1, Guest = ada, Notes = "late check-in" }, new Stay { Id = 2, Guest = grace, Notes = "sea view" });
        await db.SaveChangesAsSystemAsync();
        await db.GrantConsentAsync(2, "marketing");
        Assert.Equal(nameof(Guest), Assert.Single(await db.GetConsentHistoryAsync(2)).SubjectKind);

        using (Marketer())
        {
            Assert.Equal(["sea view"], await db.Stays.AsNoTracking().Select(s => s.Notes).ToListAsync());
            Assert.Equal([2], await db.Guests.AsNoTracking().Select(g => g.Id).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task Rows_whose_kind_cannot_be_told_never_flow_under_a_consent_bound_purpose()
    {
        using var app = new TestApp<AmbiguousKindsDbContext>(Target, new TestAppSettings { ConfigurePrivacy = ConfigureMarketing });
        await using var db = await app.CreateDatabaseAsync();
        db.Shoppers.Add(new Shopper { Id = 1, Name = "Ada Shopper" });
        db.Memos.Add(new Memo { Id = 1, PersonId = 1, Text = "call back" });
        await db.SaveChangesAsSystemAsync();

        // Shopper 1's consent is refused (whose memo is it?); even written behind the API's back it lets no memo flow.
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.GrantConsentAsync<Shopper>(1, "marketing"));
        db.Set<PrivacyConsent>().Add(new PrivacyConsent { SubjectKind = nameof(Shopper), SubjectId = "1", Purpose = "marketing", GrantedAt = DateTime.UtcNow });
        await db.SaveChangesAsSystemAsync();
        using (Marketer())
        {
            Assert.Equal([1], await db.Shoppers.Select(s => s.Id).ToListAsync());
            Assert.Empty(await db.Memos.ToListAsync());
        }

        using (Privacy.System("test: the memo is there"))
        {
            Assert.Equal(1, await db.Memos.CountAsync());
        }
    }

    private static PrivacyScope Marketer() => Privacy.Access("marketing", "campaign-bot", ["marketer"]);

    private static void ConfigureMarketing(PrivacyOptions options)
    {
        options.Grant("marketer", "marketing", PersonalDataCategory.Identity, PersonalDataCategory.Financial, PersonalDataCategory.FreeText);
        options.Grant("clerk", "payroll", PersonalDataCategory.Identity, PersonalDataCategory.Financial);
        options.Purpose("marketing").RequiresConsent();
    }

    private TestApp<KindsDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = ConfigureMarketing });

    private static async Task<KindsDbContext> SeedAsync(TestApp<KindsDbContext> app)
    {
        var db = await app.CreateDatabaseAsync();
        db.Shoppers.AddRange(new Shopper { Id = 1, Name = "Ada Shopper" }, new Shopper { Id = 2, Name = "Bea Shopper" });
        db.Staff.Add(new StaffMember { Id = 1, Name = "Alan Staff" });
        db.Orders.Add(new ShopperOrder { Id = 1, ShopperId = 1, Note = "gift wrap" });
        db.Payslips.Add(new Payslip { Id = 1, StaffMemberId = 1, Amount = 4200.00m });
        await db.SaveChangesAsSystemAsync();
        return db;
    }
}
