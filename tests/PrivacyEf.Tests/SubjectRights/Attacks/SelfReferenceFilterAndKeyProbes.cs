using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

public sealed class SelfReferenceFilterAndKeyProbes
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A subject's own folder tree: the parent's cascade takes only the same subject's rows, erased anyway.</summary>
    [Fact]
    public async Task Self_referencing_tree_of_one_subject_is_deleted_in_one_call()
    {
        using var app = new TestApp<AtkFolderDbContext>(new SqliteTarget());
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Owners.Add(new AtkOwner { Id = 1, Name = "Ada" });
            await db.SaveChangesAsSystemAsync();
            db.Folders.Add(new AtkFolder { Id = 1, OwnerId = 1, Title = "root" });
            await db.SaveChangesAsSystemAsync();
            db.Folders.Add(new AtkFolder { Id = 2, OwnerId = 1, ParentId = 1, Title = "child" });
            await db.SaveChangesAsSystemAsync();
        }

        ErasureReceipt first, second;
        await using (var db = app.NewContext())
        {
            first = await db.EraseSubjectAsync(1);
        }

        await using (var db = app.NewContext())
        {
            second = await db.EraseSubjectAsync(1);
        }

        var folders = first.Entities.Single(e => e.Entity == nameof(AtkFolder));
        Assert.Equal((2, 0, 0), (folders.Deleted, folders.Anonymized, folders.KeptForDependents));
        Assert.All(second.Entities, e => Assert.Equal((0, 0), (e.Deleted, e.Anonymized)));
    }

    /// <summary>A held note hidden by a soft-delete filter must still keep its log from the purge's bulk delete.</summary>
    [Fact]
    public async Task Purge_sees_held_rows_hidden_by_a_query_filter()
    {
        using var app = new TestApp<AtkLogDbContext>(new SqliteTarget());
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Logs.Add(new AtkLog { Id = 1, OpenedAt = Now.AddDays(-60) });
            await db.SaveChangesAsSystemAsync();
            db.Notes.Add(new AtkLogNote { Id = 1, LogId = 1, IsDeleted = true, OnHold = true });
            await db.SaveChangesAsSystemAsync();
        }

        PurgeReport report;
        await using (var db = app.NewContext())
        {
            report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Now });
        }

        await using (var db = app.NewContext())
        {
            Assert.Equal(1, await db.Notes.IgnoreQueryFilters().CountAsync());
        }
    }

    /// <summary>The user's e-mail is the principal key of a held ticket: the user cannot be deleted, so it is anonymized.</summary>
    [Fact]
    public async Task Anonymizing_a_personal_alternate_key_fails_with_a_clear_error_and_changes_nothing()
    {
        using var app = new TestApp<AtkAltKeyDbContext>(new SqliteTarget());
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Users.Add(new AtkUser { Id = 1, Email = "ada@example.com" });
            await db.SaveChangesAsSystemAsync();
            db.Tickets.Add(new AtkTicket { Id = 1, UserEmail = "ada@example.com", OnHold = true });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            // The held ticket keeps the user, whose only personal value is the key the ticket references.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.EraseSubjectAsync(1));
            Assert.Contains("AtkUser.Email", refused.Message, StringComparison.Ordinal);
            Assert.Contains("alternate key", refused.Message, StringComparison.Ordinal);
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using (var db = app.NewContext())
        {
            using (Privacy.System("check"))
            {
                Assert.Equal("ada@example.com", (await db.Tickets.AsNoTracking().SingleAsync()).UserEmail);
                Assert.Equal("ada@example.com", (await db.Users.AsNoTracking().SingleAsync()).Email);
            }
        }
    }
}
