using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// The access log with real application instances in their own processes: several appending to one log at once, and
/// one killed in the middle of its reads.
/// </summary>
public abstract class AccessLogConcurrencyTests(DatabaseTarget target, ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int ReadsPerInstance = 1_000;
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(120);

    protected DatabaseTarget Target { get; } = target;

    /// <summary>The provider and connection string a child process uses for the app's database.</summary>
    protected abstract (string Kind, string ConnectionString) ChildDatabase(AccessApp app);

    // Synchronous mode commits one transaction per read, one process at a time: 400 reads each keep that case near
    // 25 s on two busy cores, and its processes still interleave in the chain hundreds of times.
    [SkippableTheory]
    [InlineData("async", ReadsPerInstance)]
    [InlineData("sync", 400)]
    public async Task Three_processes_reading_at_once_append_every_entry_once_in_one_unbroken_chain(string durability, int readsPerInstance)
    {
        using var app = await AccessApp.CreateAsync(Target);
        var seeded = await CountEntriesAsync(app);

        var children = Enumerable.Range(1, Instances).Select(n => StartChild(app, $"instance-{n}", readsPerInstance, durability, queueCapacity: 10_000)).ToList();
        var clock = new Stopwatch();
        try
        {
            foreach (var child in children)
            {
                await child.WaitUntilReadyAsync(Startup);
            }

            clock.Start();
            children.ForEach(c => c.Go());
            foreach (var child in children)
            {
                await child.WaitForSuccessAsync(Run);
            }
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }

        output.WriteLine($"{Target.Name}, {durability}: {Instances} x {readsPerInstance} reads and flush in {clock.Elapsed.TotalSeconds:0.0} s");
        await using var db = app.NewContext();
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Actor }).ToListAsync();
        Assert.Equal(0, seeded);
        Assert.Equal(Instances * readsPerInstance, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        for (var n = 1; n <= Instances; n++)
        {
            Assert.Equal(readsPerInstance, entries.Count(e => e.Actor == $"instance-{n}"));
        }

        var switches = entries.Zip(entries.Skip(1)).Count(pair => pair.First.Actor != pair.Second.Actor);
        output.WriteLine($"{Target.Name}, {durability}: the chain switches between instances {switches} times");

        var verification = await db.VerifyAccessLogAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal((Instances * readsPerInstance, (long)(Instances * readsPerInstance)), (verification.EntriesChecked, verification.HeadSequence));
    }

    [SkippableFact]
    public async Task A_synchronous_process_killed_mid_stream_has_an_entry_for_every_read_that_returned()
    {
        using var app = await AccessApp.CreateAsync(Target);
        var (returned, logged) = await KillMidStreamAsync(app, "crash-sync", "sync", queueCapacity: 10_000);

        output.WriteLine($"{Target.Name}, synchronous: {returned} reads returned before the kill, {logged} entries logged");
        // The read in progress at the kill may have written its entry without returning: one more, never one fewer.
        Assert.InRange(logged, returned, returned + 1);
        await AssertIntactAsync(app);
    }

    [SkippableFact]
    public async Task An_asynchronous_process_killed_mid_stream_loses_at_most_its_queue_and_one_batch()
    {
        const int queueCapacity = 20;
        using var app = await AccessApp.CreateAsync(Target);
        var (returned, logged) = await KillMidStreamAsync(app, "crash-async", "async", queueCapacity);

        output.WriteLine($"{Target.Name}, asynchronous (queue of {queueCapacity}): {returned} reads returned before the kill, {logged} entries logged, {returned - logged} lost");
        // The documented window: what is queued (the capacity) plus the batch being written (at most the capacity).
        Assert.InRange(logged, returned - (2 * queueCapacity), returned + 1);
        await AssertIntactAsync(app);
    }

    private async Task<(int Returned, int Logged)> KillMidStreamAsync(AccessApp app, string actor, string durability, int queueCapacity)
    {
        int returned;
        using (var child = StartChild(app, actor, reads: 1_000_000, durability, queueCapacity))
        {
            await child.WaitUntilReadyAsync(Startup);
            child.Go();
            await child.WaitForReadsAsync(200, Run);
            await child.KillAsync();
            returned = child.ReadsReturned;
        }

        await using var db = app.NewContext();
        var logged = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().CountAsync(e => e.Actor == actor);
        return (returned, logged);
    }

    private AccessLogChild StartChild(AccessApp app, string actor, int reads, string durability, int queueCapacity)
    {
        var (kind, connectionString) = ChildDatabase(app);
        return AccessLogChild.Start(kind, connectionString, app.KeyRingDirectory, actor, reads, durability, queueCapacity);
    }

    private static async Task<int> CountEntriesAsync(AccessApp app)
    {
        await using var db = app.NewContext();
        await db.FlushAccessLogAsync();
        return await db.Set<PrivacyAccessLogEntry>().CountAsync();
    }

    private static async Task AssertIntactAsync(AccessApp app)
    {
        await using var db = app.NewContext();
        var verification = await db.VerifyAccessLogAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
