using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PrivacyEf;
using PrivacyEf.Internal;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Retention.Model;

namespace PrivacyEf.Tests.Retention;

/// <summary>The retention purge, on every relational provider.</summary>
public abstract class RetentionTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    protected static PurgeOptions At(int batchSize = 1000, bool dryRun = false) =>
        new() { Now = RetentionSeed.Now, BatchSize = batchSize, DryRun = dryRun };

    [SkippableFact]
    public async Task Delete_removes_expired_rows_in_batches_and_keeps_fresh_and_held_rows()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.SessionsAsync(app, expired: 10, fresh: 5, held: 3);

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(At(batchSize: 4));

        var sessions = report.For(nameof(SessionRecord))!;
        Assert.Equal(RetentionAction.Delete, sessions.Action);
        Assert.Equal(10, sessions.Rows);
        Assert.Equal(3, sessions.HeldRows);
        Assert.Equal(3, sessions.Batches);
        Assert.Empty(sessions.Failures);
        var left = await db.Sessions.AsNoTracking().ToListAsync();
        Assert.Equal(8, left.Count);
        Assert.Equal(3, left.Count(s => s.Held));
        Assert.All(left.Where(s => !s.Held), s => Assert.True(s.StartedAt > RetentionSeed.Now.UtcDateTime.AddDays(-7)));
    }

    [SkippableFact]
    public async Task Anonymize_clears_personal_columns_once_and_skips_held_fresh_and_open_rows()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 7, fresh: 2, held: 2, open: 2);

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(At(batchSize: 3));

        var tickets = report.For(nameof(SupportTicket))!;
        Assert.Equal(RetentionAction.Anonymize, tickets.Action);
        Assert.Equal(7, tickets.Rows);
        Assert.Equal(2, tickets.HeldRows);
        Assert.Equal(3, tickets.Batches);

        var all = await db.Tickets.OrderBy(t => t.Id).ToListAsync(); // tracked: the shadow AnonymizedAt is read from the entry
        foreach (var ticket in all)
        {
            var stamped = db.Entry(ticket).Property<DateTimeOffset?>(AnonymizedValues.AnonymizedAtProperty).CurrentValue;
            var expired = ticket.ClosedAt is { } closed && closed < RetentionSeed.Now.AddDays(-30) && !ticket.OnHold;
            if (expired)
            {
                Assert.Equal(AnonymizedValues.TextPlaceholder, ticket.Email);
                Assert.Null(ticket.Phone);
                Assert.Equal(AnonymizedValues.TextPlaceholder, ticket.Body);
                Assert.Equal($"Order {ticket.Id}", ticket.Subject);
                Assert.NotNull(ticket.ClosedAt);
                Assert.Equal(RetentionSeed.Now, stamped);
            }
            else
            {
                Assert.Equal($"customer{ticket.Id}@example.org", ticket.Email);
                Assert.NotNull(ticket.Phone);
                Assert.Null(stamped);
            }
        }

        Assert.Equal(7, await db.Tickets.CountAsync(t => EF.Property<DateTimeOffset?>(t, AnonymizedValues.AnonymizedAtProperty) != null));

        // Anonymized once: the next run finds nothing left to do.
        var again = await db.PurgeExpiredAsync(At());
        Assert.Equal(0, again.For(nameof(SupportTicket))!.Rows);
        Assert.Equal(2, again.For(nameof(SupportTicket))!.HeldRows);
    }

    [SkippableFact]
    public async Task The_cutoff_compares_instants_whatever_the_offset()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        var cutoff = RetentionSeed.Now.AddDays(-30);
        var offsets = Target is SqliteTarget ? new[] { TimeSpan.FromHours(5), TimeSpan.FromHours(-5), TimeSpan.Zero } : [TimeSpan.Zero];
        await using (var seed = app.NewContext())
        {
            var id = 0;
            foreach (var offset in offsets)
            {
                // One minute before the cutoff expires, one minute after does not, in local times that sort the other way.
                var before = RetentionSeed.Ticket(app, ++id, null);
                before.ClosedAt = cutoff.AddMinutes(-1).ToOffset(offset);
                var after = RetentionSeed.Ticket(app, ++id, null);
                after.ClosedAt = cutoff.AddMinutes(1).ToOffset(-offset);
                seed.Tickets.AddRange(before, after);
            }

            await seed.SaveChangesAsSystemAsync();
        }

        await using var db = app.NewContext();

        // The generated predicate is public API too: it composes into any query.
        Assert.Equal(offsets.Length, await db.Tickets.CountAsync(SupportTicketPrivacy.ExpiredBefore(cutoff)));
        var report = await db.PurgeExpiredAsync(At());
        Assert.Equal(offsets.Length, report.For(nameof(SupportTicket))!.Rows);
        var expiredIds = Enumerable.Range(0, offsets.Length).Select(i => (2 * i) + 1).ToList();
        foreach (var ticket in await db.Tickets.ToListAsync())
        {
            Assert.Equal(expiredIds.Contains(ticket.Id), ticket.Email == AnonymizedValues.TextPlaceholder);
        }
    }

    [SkippableFact]
    public async Task An_encrypted_placeholder_is_stored_encrypted()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 2);
        await using var db = app.NewContext();
        await db.PurgeExpiredAsync(At());

        var stored = await ReadColumnAsync(db, "SELECT \"Email\" FROM \"Tickets\" ORDER BY \"Id\"");
        Assert.Equal(2, stored.Count);
        Assert.All(stored, value => Assert.StartsWith("pef:", value, StringComparison.Ordinal));
        Assert.DoesNotContain(AnonymizedValues.TextPlaceholder, stored[0], StringComparison.Ordinal);
        // One batch writes one parameter, so its rows share a ciphertext: that discloses only that they are
        // anonymized, which AnonymizedAt says anyway.

        // Another instance of the application (same key ring) reads the placeholder back.
        using var other = app.AnotherInstance();
        await using var otherDb = other.NewContext();
        Assert.All(await otherDb.Tickets.AsNoTracking().ToListAsync(), t => Assert.Equal(AnonymizedValues.TextPlaceholder, t.Email));
    }

    [SkippableFact]
    public async Task Dry_run_counts_what_a_run_then_does_and_changes_nothing()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 5, fresh: 1, held: 1);
        await RetentionSeed.SessionsAsync(app, expired: 9, fresh: 2, held: 2);

        await using var db = app.NewContext();
        var dry = await db.PurgeExpiredAsync(At(batchSize: 4, dryRun: true));
        Assert.True(dry.DryRun);
        Assert.Equal(9, dry.RowsDeleted);
        Assert.Equal(5, dry.RowsAnonymized);
        Assert.Equal(3, dry.RowsHeld);
        Assert.Equal(3, dry.For(nameof(SessionRecord))!.Batches);
        Assert.Equal(13, await db.Sessions.CountAsync());
        Assert.Equal(0, await db.Tickets.CountAsync(t => EF.Property<DateTimeOffset?>(t, AnonymizedValues.AnonymizedAtProperty) != null));

        var real = await db.PurgeExpiredAsync(At(batchSize: 4));
        Assert.Equal(dry.RowsDeleted, real.RowsDeleted);
        Assert.Equal(dry.RowsAnonymized, real.RowsAnonymized);
        Assert.Equal(dry.For(nameof(SessionRecord))!.Batches, real.For(nameof(SessionRecord))!.Batches);
        Assert.Contains("would delete", dry.ToString(), StringComparison.Ordinal);
        Assert.Contains("SessionRecord", real.ToString(), StringComparison.Ordinal);
        Assert.Contains("9 deleted, 5 anonymized, 3 held", real.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_entity_filter_limits_the_purge()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 2);
        await RetentionSeed.SessionsAsync(app, expired: 2);

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now, EntityFilter = t => t == typeof(SessionRecord) });

        Assert.Equal([nameof(SessionRecord)], report.Entities.Select(e => e.Entity));
        Assert.Equal(0, await db.Sessions.CountAsync());
        Assert.Equal(0, await db.Tickets.CountAsync(t => EF.Property<DateTimeOffset?>(t, AnonymizedValues.AnonymizedAtProperty) != null));
    }

    [SkippableFact]
    public async Task Dependents_are_purged_before_their_principals()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        var old = RetentionSeed.Now.UtcDateTime.AddDays(-400);
        await using (var seed = app.NewContext())
        {
            for (var i = 1; i <= 5; i++)
            {
                seed.Orders.Add(new PurchaseOrder
                {
                    Id = i,
                    ShippingAddress = $"{i} Main Street",
                    PlacedAt = old,
                    Lines = [new PurchaseOrderLine { Id = i * 10, PlacedAt = old }, new PurchaseOrderLine { Id = (i * 10) + 1, PlacedAt = old, GiftMessage = "Happy birthday" }],
                });
            }

            await seed.SaveChangesAsSystemAsync();
        }

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(At(batchSize: 2));

        var order = report.Entities.Select(e => e.Entity).ToList();
        Assert.True(order.IndexOf(nameof(PurchaseOrderLine)) < order.IndexOf(nameof(PurchaseOrder)), string.Join(", ", order));
        Assert.Equal(10, report.For(nameof(PurchaseOrderLine))!.Rows);
        Assert.Equal(5, report.For(nameof(PurchaseOrder))!.Rows);
        Assert.Empty(report.Failures);
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [SkippableFact]
    public async Task A_row_a_restricting_foreign_key_would_refuse_is_kept_and_counted_before_the_batch_runs()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        var old = RetentionSeed.Now.UtcDateTime.AddDays(-60);
        var invoices = Enumerable.Range(1, 9).Select(i => new Invoice { Id = new Guid(i, 0, 0, new byte[8]), BillingName = $"Buyer {i}", IssuedAt = old }).ToList();
        var paid = new[] { invoices[1], invoices[6] };
        await using (var seed = app.NewContext())
        {
            seed.Invoices.AddRange(invoices);
            seed.Payments.AddRange(paid.Select((invoice, i) => new Payment { Id = i + 1, InvoiceId = invoice.Id, Amount = 10m }));
            await seed.SaveChangesAsSystemAsync();
        }

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(At(batchSize: 4));

        // The model says the payments restrict deleting their invoices: those are left out of the batches, not refused.
        var result = report.For(nameof(Invoice))!;
        Assert.Equal((7L, 2L), (result.Rows, result.KeptForDependents));
        Assert.Empty(result.Failures);
        Assert.Equal(paid.Select(i => i.Id).Order(), (await db.Invoices.Select(i => i.Id).ToListAsync()).Order());
        Assert.Contains("2 kept for rows that reference them", report.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Rows_the_database_refuses_are_reported_by_key_and_the_key_range_batches_go_on()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        var old = RetentionSeed.Now.UtcDateTime.AddDays(-400);
        await using (var seed = app.NewContext())
        {
            for (var i = 1; i <= 12; i++)
            {
                seed.Orders.Add(new PurchaseOrder { Id = i, ShippingAddress = $"{i} Elm Street", PlacedAt = old });
            }

            await seed.SaveChangesAsSystemAsync();

            // A refusal the model knows nothing of (as a trigger of the auditors' would be): only the database can report it.
            await RefuseDeletingOrdersAsync(seed, [3, 4, 11]);
        }

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(At(batchSize: 5));

        var orders = report.For(nameof(PurchaseOrder))!;
        Assert.Equal(9, orders.Rows);
        Assert.Equal(["3", "4", "11"], orders.Failures.Select(f => f.Key));
        Assert.All(orders.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal([3, 4, 11], await db.Orders.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        Assert.Contains("refused: PurchaseOrder 3", report.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_cancelled_purge_leaves_rows_untouched_or_fully_anonymized_and_the_next_run_finishes()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 60);

        using (var cancellation = new CancellationTokenSource())
        {
            await using var db = app.NewContext();
            var options = new PurgeOptions { Now = RetentionSeed.Now, BatchSize = 5, PauseBetweenBatches = TimeSpan.FromMilliseconds(300) };
            var purge = db.PurgeExpiredAsync(options, cancellation.Token);
            await WaitUntilAsync(async () => await CountAnonymizedAsync(app) >= 5);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => purge);
        }

        var done = await AssertTicketsConsistentAsync(app);
        Assert.InRange(done, 1, 59);

        await using (var db = app.NewContext())
        {
            var report = await db.PurgeExpiredAsync(At(batchSize: 7));
            Assert.Equal(60 - done, report.For(nameof(SupportTicket))!.Rows);
        }

        Assert.Equal(60, await AssertTicketsConsistentAsync(app));
    }

    [SkippableFact]
    public async Task Four_concurrent_purgers_process_each_row_exactly_once()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.SessionsAsync(app, expired: 300, fresh: 10, held: 5);
        await RetentionSeed.TicketsAsync(app, expired: 120, held: 3);

        // Four instances of the application, each with its own service provider, purging batch by batch at once;
        // each stamps its own moment, so every anonymized row tells which purger did it.
        var instances = Enumerable.Range(0, 4).Select(_ => app.AnotherInstance()).ToList();
        try
        {
            var reports = await Task.WhenAll(instances.Select(async (instance, i) =>
            {
                await using var db = instance.NewContext();
                return await db.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now.AddSeconds(i), BatchSize = 10, SingleRunner = false });
            }));

            Assert.Equal(300, reports.Sum(r => r.For(nameof(SessionRecord))!.Rows));
            Assert.Equal(120, reports.Sum(r => r.For(nameof(SupportTicket))!.Rows));
            Assert.All(reports, r => Assert.Empty(r.Failures));

            await using var check = app.NewContext();
            Assert.Equal(15, await check.Sessions.CountAsync());
            var stamps = await check.Tickets
                .Select(t => EF.Property<DateTimeOffset?>(t, AnonymizedValues.AnonymizedAtProperty))
                .ToListAsync();
            for (var i = 0; i < reports.Length; i++)
            {
                var mine = RetentionSeed.Now.AddSeconds(i);
                Assert.Equal(reports[i].For(nameof(SupportTicket))!.Rows, stamps.Count(s => s == mine));
            }

            Assert.Equal(120, await AssertTicketsConsistentAsync(app));
        }
        finally
        {
            instances.ForEach(i => i.Dispose());
        }
    }

    [SkippableFact]
    public async Task Of_concurrent_single_runners_one_purges_and_the_others_skip()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 40);
        using var other = app.AnotherInstance();

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var first = app.NewContext();
        var running = first.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now, BatchSize = 5, PauseBetweenBatches = TimeSpan.FromMilliseconds(200) }, cancellation.Token);
        await WaitUntilAsync(async () => await CountAnonymizedAsync(app) >= 5);

        await using (var second = other.NewContext())
        {
            var skipped = await second.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now });
            Assert.True(skipped.Skipped);
            Assert.Empty(skipped.Entities);
            Assert.Contains("skipped", skipped.ToString(), StringComparison.Ordinal);
        }

        var report = await running;
        Assert.Equal(40, report.RowsAnonymized);

        // The lock is released with the run: the next purger runs.
        await using (var third = other.NewContext())
        {
            var next = await third.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now });
            Assert.False(next.Skipped);
            Assert.Equal(0, next.RowsAnonymized);
        }
    }

    /// <summary>The child process's database argument and connection string for the app's database.</summary>
    protected abstract (string Kind, string ConnectionString) ChildDatabase(RetentionApp app);

    [SkippableFact]
    public async Task A_purger_killed_mid_run_leaves_rows_untouched_or_fully_anonymized_and_the_next_run_finishes()
    {
        using var app = new RetentionApp(Target);
        await app.EnsureCreatedAsync();
        await RetentionSeed.TicketsAsync(app, expired: 60);

        var (kind, connectionString) = ChildDatabase(app);
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var child = Path.GetFullPath(Path.Combine(testOutput.FullName, "..", "..", "..", "..", "PrivacyEf.RetentionChild", "bin", testOutput.Parent!.Name, testOutput.Name, "PrivacyEf.RetentionChild.dll"));
        Assert.True(File.Exists(child), $"The child purger was not built at {child}.");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { child, kind, connectionString, app.KeyRingDirectory, RetentionSeed.Now.ToString("O") })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            try
            {
                await WaitUntilAsync(async () => process.HasExited || await CountAnonymizedAsync(app) >= 10);
                if (process.HasExited)
                {
                    Assert.Fail("The child purger ended before it was killed: " + await process.StandardError.ReadToEndAsync());
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var done = await AssertTicketsConsistentAsync(app);
        Assert.InRange(done, 10, 59);

        await using (var db = app.NewContext())
        {
            var report = await db.PurgeExpiredAsync(At(batchSize: 7));
            Assert.False(report.Skipped);
            Assert.Equal(60 - done, report.For(nameof(SupportTicket))!.Rows);
        }

        Assert.Equal(60, await AssertTicketsConsistentAsync(app));
    }

    internal static async Task<int> CountAnonymizedAsync(RetentionApp app)
    {
        await using var db = app.NewContext();
        return await db.Tickets.CountAsync(t => EF.Property<DateTimeOffset?>(t, AnonymizedValues.AnonymizedAtProperty) != null);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Every ticket is either untouched or fully anonymized; returns how many are anonymized.</summary>
    internal static async Task<int> AssertTicketsConsistentAsync(RetentionApp app)
    {
        await using var db = app.NewContext();
        var anonymized = 0;
        foreach (var ticket in await db.Tickets.ToListAsync())
        {
            var stamped = db.Entry(ticket).Property<DateTimeOffset?>(AnonymizedValues.AnonymizedAtProperty).CurrentValue is not null;
            if (stamped)
            {
                anonymized++;
                Assert.Equal(AnonymizedValues.TextPlaceholder, ticket.Email);
                Assert.Equal(AnonymizedValues.TextPlaceholder, ticket.Body);
                Assert.Null(ticket.Phone);
            }
            else
            {
                Assert.Equal($"customer{ticket.Id}@example.org", ticket.Email);
                Assert.Equal($"My order {ticket.Id} never arrived.", ticket.Body);
                Assert.NotNull(ticket.Phone);
            }
        }

        return anonymized;
    }

    protected static async Task<List<string>> ReadColumnAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task RefuseDeletingOrdersAsync(DbContext db, int[] ids)
    {
        // Integers and the model's own table name only: nothing here comes from outside the test.
        var list = string.Join(", ", ids);
        var table = db.Model.FindEntityType(typeof(PurchaseOrder))!.GetTableName();
        string[] statements = Target.Name == "SQLite"
            ? [$"CREATE TRIGGER refuse_order_delete BEFORE DELETE ON \"{table}\" WHEN OLD.\"Id\" IN ({list}) BEGIN SELECT RAISE(ABORT, 'kept by the auditors'); END;"]
            : [
                $"CREATE FUNCTION refuse_order_delete() RETURNS trigger AS $$ BEGIN IF OLD.\"Id\" IN ({list}) THEN RAISE EXCEPTION 'kept by the auditors'; END IF; RETURN OLD; END $$ LANGUAGE plpgsql;",
                $"CREATE TRIGGER refuse_order_delete BEFORE DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION refuse_order_delete();",
            ];
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }
}
