using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using PrivacyEf;
using PrivacyEf.Internal;

namespace PrivacyEf.Benchmarks.Retention;

/// <summary>
/// Purging expired rows: PrivacyEf's generated purge against a hand-written batched DELETE/UPDATE (the goal is
/// at most 1.2x) and against loading the rows into EF and removing them (the naive way), with peak memory.
/// </summary>
[MemoryDiagnoser]
public class RetentionBenchmarks
{
    public const int BatchSize = 1000;

    private const string HandWrittenDelete =
        """DELETE FROM "Sessions" WHERE "Id" IN (SELECT "Id" FROM "Sessions" WHERE "StartedAt" < @cutoff ORDER BY "Id" LIMIT @batch)""";

    // Every seeded row is months old, so the hand-written cutoff and the purge's select every row alike.
    private const string HandWrittenAnonymize =
        """UPDATE "Tickets" SET "Email" = NULL, "Body" = NULL, "AnonymizedAt" = @now WHERE "Id" IN (SELECT "Id" FROM "Tickets" WHERE "ClosedAt" < @cutoff AND "AnonymizedAt" IS NULL ORDER BY "Id" LIMIT @batch)""";

    private PurgeTarget? target;
    private PurgeApp? app;

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => target = PurgeTarget.Sqlite();

    [IterationSetup]
    public void Seed()
    {
        app = target!.CreateAsync().GetAwaiter().GetResult();
        app.SeedSessionsAsync(Rows).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Cleanup() => app!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void TearDown() => target!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<long> HandWrittenBatchedDelete() => app!.HandWrittenBatchesAsync(HandWrittenDelete, BatchSize);

    [Benchmark]
    public Task<long> PrivacyEfPurge() => PurgeSessionsAsync(app!);

    [Benchmark]
    public Task<long> NaiveLoadAndRemoveRange() => NaiveDeleteAsync(app!);

    private static async Task<long> PurgeSessionsAsync(PurgeApp app)
    {
        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = PurgeApp.Now, BatchSize = BatchSize, EntityFilter = t => t == typeof(PurgeSession) });
        return report.RowsDeleted;
    }

    private static async Task<long> PurgeTicketsAsync(PurgeApp app)
    {
        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = PurgeApp.Now.AddDays(-23), BatchSize = BatchSize, EntityFilter = t => t == typeof(PurgeTicket) });
        return report.RowsAnonymized;
    }

    private static async Task<long> NaiveDeleteAsync(PurgeApp app)
    {
        await using var db = app.NewContext();
        var cutoff = PurgeApp.Now.AddDays(-7);
        var expired = await db.Sessions.Where(s => s.StartedAt < cutoff).ToListAsync();
        db.Sessions.RemoveRange(expired);
        return await db.SaveChangesAsync();
    }

    private static async Task<long> NaiveAnonymizeAsync(PurgeApp app)
    {
        await using var db = app.NewContext();
        var cutoff = PurgeApp.Now.AddDays(-7);
        var expired = await db.Tickets.Where(t => t.ClosedAt < cutoff && EF.Property<DateTimeOffset?>(t, AnonymizedValues.AnonymizedAtProperty) == null).ToListAsync();
        foreach (var ticket in expired)
        {
            ticket.Email = null;
            ticket.Body = null;
            db.Entry(ticket).Property(AnonymizedValues.AnonymizedAtProperty).CurrentValue = (DateTimeOffset?)new DateTimeOffset(PurgeApp.Now);
        }

        // A purge job writes as the system, like PurgeExpiredAsync's hosted service.
        using var system = Privacy.System("benchmark: naive anonymization");
        return await db.SaveChangesAsync();
    }

    /// <summary>
    /// The quick mode: each variant once on a freshly seeded database, per provider and row count, printing time,
    /// ratio to the hand-written baseline and peak memory while it ran. Naive EF runs only up to <paramref name="naiveLimit"/> rows.
    /// </summary>
    public static async Task QuickAsync(int[] rowCounts, int naiveLimit)
    {
        var targets = new List<PurgeTarget> { PurgeTarget.Sqlite() };
        if (await PurgeTarget.PostgresAsync() is { } postgres)
        {
            targets.Add(postgres);
        }

        try
        {
            foreach (var target in targets)
            {
                foreach (var rows in rowCounts)
                {
                    Console.WriteLine($"-- {target.Name}, {rows:N0} expired rows, batches of {BatchSize}");
                    var delete = await MeasureAsync(target, "delete: hand-written batched DELETE", rows, seedTickets: false, HandWritten(HandWrittenDelete));
                    await MeasureAsync(target, "delete: PrivacyEf PurgeExpiredAsync", rows, seedTickets: false, PurgeSessionsAsync, delete);
                    if (rows <= naiveLimit)
                    {
                        await MeasureAsync(target, "delete: naive EF load + RemoveRange", rows, seedTickets: false, NaiveDeleteAsync, delete);
                    }

                    var update = await MeasureAsync(target, "anonymize: hand-written batched UPDATE", rows, seedTickets: true, HandWritten(HandWrittenAnonymize));
                    await MeasureAsync(target, "anonymize: PrivacyEf PurgeExpiredAsync", rows, seedTickets: true, PurgeTicketsAsync, update);
                    if (rows <= naiveLimit)
                    {
                        await MeasureAsync(target, "anonymize: naive EF load + set + SaveChanges", rows, seedTickets: true, NaiveAnonymizeAsync, update);
                    }
                }
            }
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }
        }
    }

    private static Func<PurgeApp, Task<long>> HandWritten(string sql) => app => app.HandWrittenBatchesAsync(sql, BatchSize);

    private static async Task<TimeSpan> MeasureAsync(PurgeTarget target, string name, int rows, bool seedTickets, Func<PurgeApp, Task<long>> variant, TimeSpan? baseline = null)
    {
        // PRIVACYEF_BENCH_ONLY=text runs only the variants whose "provider: name" contains the text.
        if (Environment.GetEnvironmentVariable("PRIVACYEF_BENCH_ONLY") is { Length: > 0 } only
            && !$"{target.Name}: {name}".Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            return baseline ?? TimeSpan.FromMilliseconds(1);
        }

        await using var app = await target.CreateAsync();
        if (seedTickets)
        {
            await app.SeedTicketsAsync(rows);
        }
        else
        {
            await app.SeedSessionsAsync(rows);
        }

        // Warm the model and the provider on the app, outside the measurement.
        await using (var warm = app.NewContext())
        {
            await warm.Sessions.AnyAsync();
        }

        long processed;
        TimeSpan elapsed;
        double managed, workingSet;
        using (var memory = new PeakMemory())
        {
            var watch = Stopwatch.StartNew();
            processed = await variant(app);
            elapsed = watch.Elapsed;
            managed = memory.ManagedPeakMegabytes;
            workingSet = memory.WorkingSetPeakMegabytes;
        }

        var left = seedTickets
            ? await app.CountAsync("""SELECT COUNT(*) FROM "Tickets" WHERE "AnonymizedAt" IS NULL""")
            : await app.CountAsync("""SELECT COUNT(*) FROM "Sessions" """);
        if (processed != rows || left != 0)
        {
            throw new InvalidOperationException($"{name} processed {processed} of {rows} rows and left {left}.");
        }

        var ratio = baseline is { } b ? string.Create(CultureInfo.InvariantCulture, $"{elapsed / b,6:F2}x") : "  base ";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"   {name,-46} {elapsed.TotalMilliseconds,10:F0} ms  {ratio}  peak managed heap {managed,7:F1} MB  peak working set {workingSet,7:F1} MB"));
        return elapsed;
    }
}
