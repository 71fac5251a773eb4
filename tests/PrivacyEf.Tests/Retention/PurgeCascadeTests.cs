using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Cascades;

namespace PrivacyEf.Tests.Retention;

/// <summary>
/// The purge's bulk deletes against the database's own foreign keys: an expired thread whose note is under legal hold
/// stays (the cascade would delete the note, SET NULL would change it), a restricting key keeps its thread instead of
/// failing the batch, and a note without a hold goes (or loses its link) with its thread as the key says.
/// </summary>
public abstract class PurgeCascadeTests(DatabaseTarget target)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [InlineData(DeleteBehavior.Cascade)]
    [InlineData(DeleteBehavior.Restrict)]
    [InlineData(DeleteBehavior.SetNull)]
    public Task An_expired_row_whose_dependents_must_stay_is_kept_and_counted(DeleteBehavior onDelete) => onDelete switch
    {
        DeleteBehavior.Cascade => PurgeAsync<CascadeCaseDbContext>(onDelete),
        DeleteBehavior.Restrict => PurgeAsync<RestrictCaseDbContext>(onDelete),
        _ => PurgeAsync<SetNullCaseDbContext>(onDelete),
    };

    private async Task PurgeAsync<TContext>(DeleteBehavior onDelete)
        where TContext : CaseDbContext
    {
        using var app = new TestApp<TContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            var expired = Now.AddDays(-60);
            db.Threads.AddRange(
                new ExpiringThread { Id = 1, OpenedAt = expired },
                new ExpiringThread { Id = 2, OpenedAt = expired },
                new ExpiringThread { Id = 3, OpenedAt = expired },
                new ExpiringThread { Id = 4, OpenedAt = Now.AddDays(-1) });
            db.ThreadNotes.AddRange(
                new ThreadNote { Id = 1, ThreadId = 1, Text = "evidence", OnHold = true },
                new ThreadNote { Id = 2, ThreadId = 2, Text = "small talk" });
            await db.SaveChangesAsSystemAsync();
        }

        PurgeReport report;
        await using (var db = app.NewContext())
        {
            report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Now });
        }

        Assert.Empty(report.Failures);
        var threads = report.Entities.Single(e => e.Entity == nameof(ExpiringThread));
        Assert.Equal(onDelete == DeleteBehavior.Restrict ? (1L, 2L) : (2L, 1L), (threads.Rows, threads.KeptForDependents));

        await using (var db = app.NewContext())
        {
            var remaining = await db.Threads.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
            Assert.Equal(onDelete == DeleteBehavior.Restrict ? [1, 2, 4] : [1, 4], remaining);
            var notes = await db.ThreadNotes.OrderBy(n => n.Id).Select(n => new { n.Id, n.ThreadId, n.OnHold }).ToListAsync();
            (int, int?, bool)[] expected = onDelete switch
            {
                DeleteBehavior.Cascade => [(1, 1, true)],
                DeleteBehavior.Restrict => [(1, 1, true), (2, 2, false)],
                _ => [(1, 1, true), (2, null, false)],
            };
            Assert.Equal(expected, notes.Select(n => (n.Id, n.ThreadId, n.OnHold)));
        }
    }
}
