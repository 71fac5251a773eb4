using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>
/// An erasure touches only its subject: it refuses a context with pending changes instead of committing or
/// discarding them, leaves what the caller tracks tracked, and erases a row whose ciphertext is corrupt.
/// </summary>
public abstract class ErasureIsolationTests(DatabaseTarget target) : IDisposable
{
    private readonly List<PrivacyApp> apps = [];

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Pending_unrelated_changes_are_refused_and_neither_committed_nor_discarded()
    {
        var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var grace = await db.Customers.SingleAsync(c => c.Id == 2);
            grace.Segment = "platinum";
            db.Customers.Add(new Customer { Id = 3, Name = "Linus", Email = "linus@example.com" });

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.EraseSubjectAsync(1));
            Assert.Contains("pending changes (1 Customer added, 1 Customer modified)", refused.Message, StringComparison.Ordinal);
            Assert.Contains("save or discard them first, or erase on a context of its own", refused.Message, StringComparison.Ordinal);

            // Still pending, not saved and not cleared; the subject is untouched.
            Assert.Equal(EntityState.Modified, db.Entry(grace).State);
            Assert.Single(db.ChangeTracker.Entries<Customer>(), e => e.State == EntityState.Added);
            await using (var other = app.NewContext())
            {
                Assert.Equal([1, 2], await other.Customers.Select(c => c.Id).OrderBy(id => id).ToListAsync());
                Assert.Equal("basic", (await other.Customers.SingleAsync(c => c.Id == 2)).Segment);
            }

            // Saved, the same context erases.
            await db.SaveChangesAsSystemAsync();
            Assert.Equal(4, (await db.EraseSubjectAsync(1)).Erased);
        }

        await using var check = app.NewContext();
        Assert.Equal([2, 3], await check.Customers.Select(c => c.Id).OrderBy(id => id).ToListAsync());
    }

    [SkippableFact]
    public async Task What_the_caller_tracks_stays_tracked_and_the_erased_rows_are_not_left_behind()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        var grace = await db.Customers.SingleAsync(c => c.Id == 2);
        var ada = await db.Customers.SingleAsync(c => c.Id == 1);

        await db.EraseSubjectAsync(1);

        Assert.Equal(EntityState.Unchanged, db.Entry(grace).State);
        Assert.Equal(EntityState.Detached, db.Entry(ada).State);
        Assert.Equal([grace], db.ChangeTracker.Entries().Select(e => e.Entity));
    }

    [SkippableFact]
    public async Task A_row_with_a_corrupt_ciphertext_is_still_erased_and_counted()
    {
        var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            // Valid envelope prefix, garbage inside: the row cannot be read any more.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Customers" SET "Email" = 'pef:Z2FyYmFnZS1jaXBoZXJ0ZXh0' WHERE "Id" = 1""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "SupportTickets" SET "ContactEmail" = 'pef:Z2FyYmFnZS1jaXBoZXJ0ZXh0' WHERE "Id" = 1""");
            using (Privacy.System("test: the row is unreadable"))
            {
                await Assert.ThrowsAnyAsync<Exception>(() => db.Customers.AsNoTracking().SingleAsync(c => c.Id == 1));
            }
        }

        await using (var db = app.NewContext())
        {
            var receipt = await db.EraseSubjectAsync(1);
            Assert.Equal((1, 0, 0), SubjectRightsTests.Counts(receipt, nameof(Customer)));
            Assert.Equal((0, 1, 1), SubjectRightsTests.Counts(receipt, nameof(SupportTicket)));
            Assert.Equal((2, 0, 0), SubjectRightsTests.Counts(receipt, nameof(Account)));
        }

        await using var check = app.NewContext();
        Assert.Equal([2], await check.Customers.Select(c => c.Id).ToListAsync());
        var anonymized = await check.SupportTickets.AsNoTracking().SingleAsync(t => t.Id == 1);
        Assert.Equal(("[anonymized]", null), (anonymized.ContactEmail, anonymized.Body));
        Assert.Equal("grace.ticket@example.com", (await check.SupportTickets.AsNoTracking().SingleAsync(t => t.Id == 3)).ContactEmail);
    }

    public void Dispose()
    {
        apps.ForEach(a => a.Dispose());
        (Target as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<PrivacyApp> SeedAsync()
    {
        var app = PrivacyApp.Create(Target);
        apps.Add(app);
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.AddRange(
            new Customer { Id = 1, Name = "Ada", Email = "ada@example.com", Segment = "gold" },
            new Customer { Id = 2, Name = "Grace", Email = "grace@example.com", Segment = "basic" });
        db.SupportTickets.AddRange(
            new SupportTicket { Id = 1, CustomerId = 1, ContactEmail = "ada.ticket@example.com", Body = "ada's ticket", ClosedAt = DateTimeOffset.UnixEpoch },
            new SupportTicket { Id = 2, CustomerId = 1, ContactEmail = "ada.held@example.com", Body = "held for the court", OnHold = true },
            new SupportTicket { Id = 3, CustomerId = 2, ContactEmail = "grace.ticket@example.com", Body = "grace's ticket" });
        db.Accounts.AddRange(
            new Account { Id = 1, CustomerId = 1, Login = "ada" },
            new Account { Id = 2, CustomerId = 1, Login = "ada-admin" });
        await db.SaveChangesAsSystemAsync();
        return app;
    }
}
