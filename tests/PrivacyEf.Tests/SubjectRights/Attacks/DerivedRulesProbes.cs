using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>
/// [LegalHold] / [DataSubject] declared on a derived type of a TPH hierarchy whose foreign key (cascade) is declared on
/// the base type. DependentRows.HoldProperty / KeepsEveryRow only look at the FK's declaring type and its bases.
/// </summary>
public sealed class DerivedRulesProbes
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<TestApp<AtkDerivedDbContext>> SeedAsync()
    {
        var app = new TestApp<AtkDerivedDbContext>(new SqliteTarget());
        await using var db = await app.CreateDatabaseAsync();
        db.Members.AddRange(new AtkMember { Id = 1, Name = "Ada" }, new AtkMember { Id = 2, Name = "Grace" });
        await db.SaveChangesAsSystemAsync();
        db.Docs.Add(new AtkDoc { Id = 1, MemberId = 1, Title = "ada's doc", CreatedAt = Now.AddDays(-60) });
        await db.SaveChangesAsSystemAsync();
        db.Attachments.Add(new AtkHeldAttachment { Id = 1, DocId = 1, Label = "evidence", OnHold = true });
        db.Attachments.Add(new AtkSignedAttachment { Id = 2, DocId = 1, Label = "signed", SignerId = 2, Signature = "Grace's signature" });
        await db.SaveChangesAsSystemAsync();
        return app;
    }

    [Fact]
    public async Task Erasure_keeps_a_held_or_other_subjects_row_of_a_derived_type()
    {
        using var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var receipt = await db.EraseSubjectAsync(1);
        }

        await using (var db = app.NewContext())
        {
            using (Privacy.System("check"))
            {
                var ids = await db.Attachments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
                Assert.Equal([1, 2], ids);
            }
        }
    }

    [Fact]
    public async Task Purge_keeps_a_held_or_other_subjects_row_of_a_derived_type()
    {
        using var app = await SeedAsync();
        PurgeReport report;
        await using (var db = app.NewContext())
        {
            report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Now });
        }

        await using (var db = app.NewContext())
        {
            using (Privacy.System("check"))
            {
                var ids = await db.Attachments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
                Assert.Equal([1, 2], ids);
            }
        }
    }
}
