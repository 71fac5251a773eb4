using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Cascades;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>
/// Erasure against the database's own foreign keys (cascade, restrict, set null): a held row is never removed or
/// changed by a cascade, a row kept anonymized stays, a restricting key never fails the erasure halfway, and the
/// receipt says what the database really did. Member 1 is erased; member 2's rows are never touched.
/// </summary>
public abstract class ErasureCascadeTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [InlineData(DeleteBehavior.Cascade)]
    [InlineData(DeleteBehavior.Restrict)]
    [InlineData(DeleteBehavior.SetNull)]
    public Task A_held_row_is_never_removed_and_its_member_is_anonymized_instead(DeleteBehavior onDelete) => onDelete switch
    {
        DeleteBehavior.Cascade => HeldRowAsync<CascadeCaseDbContext>(),
        DeleteBehavior.Restrict => HeldRowAsync<RestrictCaseDbContext>(),
        _ => HeldRowAsync<SetNullCaseDbContext>(),
    };

    [SkippableTheory]
    [InlineData(DeleteBehavior.Cascade)]
    [InlineData(DeleteBehavior.Restrict)]
    [InlineData(DeleteBehavior.SetNull)]
    public Task Rows_kept_anonymized_by_their_retention_rule_stay(DeleteBehavior onDelete) => onDelete switch
    {
        DeleteBehavior.Cascade => AnonymizedRowsAsync<CascadeCaseDbContext>(),
        DeleteBehavior.Restrict => AnonymizedRowsAsync<RestrictCaseDbContext>(),
        _ => AnonymizedRowsAsync<SetNullCaseDbContext>(),
    };

    [SkippableTheory]
    [InlineData(DeleteBehavior.Cascade)]
    [InlineData(DeleteBehavior.Restrict)]
    [InlineData(DeleteBehavior.SetNull)]
    public Task Rows_without_privacy_rules_follow_the_foreign_key_and_are_counted(DeleteBehavior onDelete) => onDelete switch
    {
        DeleteBehavior.Cascade => PlainRowsAsync<CascadeCaseDbContext>(),
        DeleteBehavior.Restrict => PlainRowsAsync<RestrictCaseDbContext>(),
        _ => PlainRowsAsync<SetNullCaseDbContext>(),
    };

    private async Task HeldRowAsync<TContext>()
        where TContext : CaseDbContext
    {
        using var app = await SeedAsync<TContext>(db =>
        {
            db.Cases.Add(new LegalCase { Id = 1, MemberId = 1, Notes = "evidence for the court", OnHold = true });
            db.Cases.Add(new LegalCase { Id = 2, MemberId = 1, Notes = "ada's old complaint" });
            db.Cases.Add(new LegalCase { Id = 3, MemberId = 2, Notes = "grace's case" });
        });

        var receipt = await EraseMemberOneAsync(app);

        Assert.Equal((1, 0, 1), Counts(receipt, nameof(LegalCase)));
        var member = Result(receipt, nameof(CaseMember));
        Assert.Equal((0, 1, 0, 1), (member.Deleted, member.Anonymized, member.Held, member.KeptForDependents));
        var reason = Assert.Single(member.NotDeletedBecause);
        Assert.Contains("1 LegalCase row", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence", receipt.ToString(), StringComparison.Ordinal);

        await using var db = app.NewContext();
        using (Privacy.System("test: check"))
        {
            var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.MemberId, c.Notes }).ToListAsync();
            Assert.Equal([(1, (int?)1, "evidence for the court"), (3, 2, "grace's case")], cases.Select(c => (c.Id, c.MemberId, c.Notes)));
            await AssertMembersAsync(db, memberOneKept: true);
        }
    }

    private async Task AnonymizedRowsAsync<TContext>()
        where TContext : CaseDbContext
    {
        var closed = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var app = await SeedAsync<TContext>(db =>
        {
            db.ArchivedCases.Add(new ArchivedCase { Id = 1, MemberId = 1, Summary = "ada's first case", ClosedAt = closed });
            db.ArchivedCases.Add(new ArchivedCase { Id = 2, MemberId = 1, Summary = "ada's second case", ClosedAt = closed });
            db.ArchivedCases.Add(new ArchivedCase { Id = 3, MemberId = 2, Summary = "grace's case", ClosedAt = closed });
        });

        var receipt = await EraseMemberOneAsync(app);

        Assert.Equal((0, 2, 0), Counts(receipt, nameof(ArchivedCase)));

        // SET NULL lets the member go: the kept rows lose their link, which anonymized rows do not need.
        var setNull = typeof(TContext) == typeof(SetNullCaseDbContext);
        Assert.Equal(setNull ? (1, 0, 0) : (0, 1, 0), Counts(receipt, nameof(CaseMember)));

        await using var db = app.NewContext();
        using (Privacy.System("test: check"))
        {
            var cases = await db.ArchivedCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
            Assert.Equal([1, 2, 3], cases.Select(c => c.Id));
            Assert.All(cases.Take(2), c => Assert.DoesNotContain("ada", c.Summary ?? "", StringComparison.Ordinal));
            Assert.All(cases.Take(2), c => Assert.Equal(setNull ? null : 1, c.MemberId));
            Assert.Equal("grace's case", cases[2].Summary);
            await AssertMembersAsync(db, memberOneKept: !setNull);
        }
    }

    private async Task PlainRowsAsync<TContext>()
        where TContext : CaseDbContext
    {
        using var app = await SeedAsync<TContext>(db =>
        {
            db.Preferences.Add(new MemberPreference { Id = 1, MemberId = 1, Setting = "dark mode" });
            db.Preferences.Add(new MemberPreference { Id = 2, MemberId = 1, Setting = "weekly digest" });
            db.Preferences.Add(new MemberPreference { Id = 3, MemberId = 2, Setting = "light mode" });
        });

        var receipt = await EraseMemberOneAsync(app);

        var onDelete = typeof(TContext) == typeof(CascadeCaseDbContext) ? DeleteBehavior.Cascade
            : typeof(TContext) == typeof(RestrictCaseDbContext) ? DeleteBehavior.Restrict
            : DeleteBehavior.SetNull;
        Assert.Equal(onDelete == DeleteBehavior.Restrict ? (0, 1, 0) : (1, 0, 0), Counts(receipt, nameof(CaseMember)));
        var cascaded = receipt.Entities.SingleOrDefault(e => e.Entity == nameof(MemberPreference))?.DeletedByCascade ?? 0;
        Assert.Equal(onDelete == DeleteBehavior.Cascade ? 2 : 0, cascaded);

        await using var db = app.NewContext();
        using (Privacy.System("test: check"))
        {
            var preferences = await db.Preferences.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.MemberId }).ToListAsync();
            (int, int?)[] expected = onDelete switch
            {
                DeleteBehavior.Cascade => [(3, 2)],
                DeleteBehavior.Restrict => [(1, 1), (2, 1), (3, 2)],
                _ => [(1, null), (2, null), (3, 2)],
            };
            Assert.Equal(expected, preferences.Select(p => (p.Id, p.MemberId)));
            await AssertMembersAsync(db, memberOneKept: onDelete == DeleteBehavior.Restrict);
        }
    }

    private async Task<TestApp<TContext>> SeedAsync<TContext>(Action<TContext> addRows)
        where TContext : CaseDbContext
    {
        var app = new TestApp<TContext>(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Members.Add(new CaseMember { Id = 1, Name = "Ada Lovelace", Email = "ada@example.com" });
        db.Members.Add(new CaseMember { Id = 2, Name = "Grace Hopper", Email = "grace@example.com" });
        await db.SaveChangesAsSystemAsync();
        addRows(db);
        await db.SaveChangesAsSystemAsync();
        return app;
    }

    private static async Task<ErasureReceipt> EraseMemberOneAsync<TContext>(TestApp<TContext> app)
        where TContext : CaseDbContext
    {
        await using var db = app.NewContext();
        return await db.EraseSubjectAsync(1);
    }

    /// <summary>Member 2 is intact; member 1 is gone, or kept with nothing of Ada left in it.</summary>
    private static async Task AssertMembersAsync(CaseDbContext db, bool memberOneKept)
    {
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(memberOneKept ? [1, 2] : [2], members.Select(m => m.Id));
        Assert.Equal(("Grace Hopper", "grace@example.com"), (members[^1].Name, members[^1].Email));
        if (memberOneKept)
        {
            Assert.DoesNotContain("Ada", members[0].Name, StringComparison.Ordinal);
            Assert.DoesNotContain("ada", members[0].Email, StringComparison.Ordinal);
        }
    }

    private static ErasureResult Result(ErasureReceipt receipt, string entity) => receipt.Entities.Single(e => e.Entity == entity);

    private static (int Deleted, int Anonymized, int Held) Counts(ErasureReceipt receipt, string entity)
    {
        var result = Result(receipt, entity);
        return (result.Deleted, result.Anonymized, result.Held);
    }
}
