using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Benchmarks.Access;

/// <summary>
/// Reading 10,000 rows as a support agent (the IBAN of every row masked) against the same read in a system scope
/// (nothing masked), and one-row queries with and without the access log, on SQLite; and the cost of the access
/// log's durability modes: off, asynchronous (the default) and synchronous, for the 10,000-row read and for 1,000
/// one-row queries.
/// </summary>
[MemoryDiagnoser]
public class AccessBenchmarks
{
    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-bench-access-").FullName;
    private ServiceProvider? logged;
    private ServiceProvider? unlogged;
    private ServiceProvider? synchronouslyLogged;

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        logged = Build(logAccess: true);
        unlogged = Build(logAccess: false);
        synchronouslyLogged = Build(logAccess: true, AccessLogDurability.Synchronous);
        using var db = NewContext(logged);
        db.Database.EnsureDeleted();
        db.Database.EnsureCreated();
        using (Privacy.System("benchmark seeding"))
        {
            db.Customers.AddRange(Enumerable.Range(1, Rows).Select(i => new AccessBenchCustomer
            {
                Id = i,
                Name = $"Customer Number {i}",
                Email = $"user{i}@example.com",
                Iban = $"DE8937040044053201{i:0000}",
                Plan = i % 3 == 0 ? "gold" : "basic",
            }));
            db.SaveChanges();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        logged?.Dispose();
        unlogged?.Dispose();
        synchronouslyLogged?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ReadAllAsSystem()
    {
        using var scope = Privacy.System("benchmark");
        using var db = NewContext(logged!);
        return db.Customers.AsNoTracking().ToList().Count;
    }

    [Benchmark]
    public int ReadAllMaskedAsAgent()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = NewContext(logged!);
        return db.Customers.AsNoTracking().ToList().Count;
    }

    [Benchmark]
    public int ReadAllMaskedAsAgentUnlogged()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = NewContext(unlogged!);
        return db.Customers.AsNoTracking().ToList().Count;
    }

    [Benchmark]
    public int ReadAllMaskedAsAgentSynchronouslyLogged()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = NewContext(synchronouslyLogged!);
        return db.Customers.AsNoTracking().ToList().Count;
    }

    [Benchmark]
    public int ReadAllAsSystemTracked()
    {
        using var scope = Privacy.System("benchmark");
        using var db = NewContext(logged!);
        return db.Customers.ToList().Count;
    }

    [Benchmark]
    public int ReadAllMaskedAsAgentTracked()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = NewContext(logged!);
        return db.Customers.ToList().Count;
    }

    [Benchmark]
    public int ReadOneWithoutAccessLog() => ReadOne(unlogged!);

    [Benchmark]
    public int ReadOneWithAccessLog() => ReadOne(logged!);

    [Benchmark]
    public int ReadOneWithSynchronousAccessLog() => ReadOne(synchronouslyLogged!);

    /// <summary>
    /// The access log's cost per durability mode, side by side: log off, asynchronous (the time the caller waits; the
    /// background writer's work is flushed after each timed run, untimed) and synchronous (each query commits its entry).
    /// </summary>
    public static void QuickDurability()
    {
        var benchmark = new AccessBenchmarks { Rows = 10_000 };
        benchmark.Setup();
        try
        {
            CompareModes(benchmark, $"read {benchmark.Rows:N0} rows as agent", () => benchmark.ReadAllMaskedAsAgentUnlogged(), () => benchmark.ReadAllMaskedAsAgent(), () => benchmark.ReadAllMaskedAsAgentSynchronouslyLogged(), rounds: 10);
            CompareModes(benchmark, "1,000 one-row queries as agent", () => Repeat(benchmark.ReadOneWithoutAccessLog, 1_000), () => Repeat(benchmark.ReadOneWithAccessLog, 1_000), () => Repeat(benchmark.ReadOneWithSynchronousAccessLog, 1_000), rounds: 5);
        }
        finally
        {
            benchmark.Cleanup();
        }
    }
    public static void Quick()
    {
        var benchmark = new AccessBenchmarks { Rows = 10_000 };
        benchmark.Setup();
        try
        {
            CompareInterleaved($"read {benchmark.Rows:N0} rows as agent (masked) vs system", () => benchmark.ReadAllAsSystem(), () => benchmark.ReadAllMaskedAsAgent());
            CompareInterleaved($"read {benchmark.Rows:N0} rows tracked, agent vs system", () => benchmark.ReadAllAsSystemTracked(), () => benchmark.ReadAllMaskedAsAgentTracked());
            CompareInterleaved($"read {benchmark.Rows:N0} rows as agent, access log on vs off", () => benchmark.ReadAllMaskedAsAgentUnlogged(), () => benchmark.ReadAllMaskedAsAgent());
            CompareInterleaved("200 one-row queries as agent, access log on vs off", () => Repeat(benchmark.ReadOneWithoutAccessLog), () => Repeat(benchmark.ReadOneWithAccessLog));
            using var db = NewContext(benchmark.logged!);
            db.FlushAccessLogAsync().GetAwaiter().GetResult();
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    /// <summary>
    /// Like <see cref="QuickComparison.Compare"/>, but alternating baseline and candidate round by round, so a machine
    /// whose load changes during the run weighs on both alike; prints the best wall time of each and, where the OS
    /// tells, the best CPU time of the benchmark thread (which the neighbours' load does not inflate).
    /// </summary>
    private static void CompareInterleaved(string name, Action baseline, Action candidate, int rounds = 15)
    {
        baseline();
        candidate();
        var wall = (Baseline: double.MaxValue, Candidate: double.MaxValue);
        var cpu = (Baseline: double.MaxValue, Candidate: double.MaxValue);
        for (var i = 0; i < rounds; i++)
        {
            var (baselineWall, baselineCpu) = Time(baseline);
            var (candidateWall, candidateCpu) = Time(candidate);
            wall = (Math.Min(wall.Baseline, baselineWall), Math.Min(wall.Candidate, candidateWall));
            cpu = (Math.Min(cpu.Baseline, baselineCpu), Math.Min(cpu.Candidate, candidateCpu));
        }

        var line = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{name,-58} baseline {wall.Baseline,9:F2} ms   candidate {wall.Candidate,9:F2} ms   ratio {wall.Candidate / wall.Baseline,5:F2}x");
        if (ThreadCpuClock.IsAvailable)
        {
            line += string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"   | thread CPU {cpu.Baseline,8:F2} / {cpu.Candidate,8:F2} ms, ratio {cpu.Candidate / cpu.Baseline,5:F2}x");
        }

        Console.WriteLine(line);
    }

    private static (double Wall, double Cpu) Time(Action action)
    {
        var cpuBefore = ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() : 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalMilliseconds;
        return (wall, ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() - cpuBefore : double.NaN);
    }

    private static void CompareModes(AccessBenchmarks benchmark, string name, Action off, Action asynchronous, Action synchronous, int rounds)
    {
        void Flush()
        {
            using var db = NewContext(benchmark.logged!);
            db.FlushAccessLogAsync().GetAwaiter().GetResult();
        }

        off();
        asynchronous();
        Flush();
        synchronous();
        var best = (Off: double.MaxValue, Asynchronous: double.MaxValue, Synchronous: double.MaxValue);
        for (var i = 0; i < rounds; i++)
        {
            best.Off = Math.Min(best.Off, Time(off).Wall);
            best.Asynchronous = Math.Min(best.Asynchronous, Time(asynchronous).Wall);
            Flush();
            best.Synchronous = Math.Min(best.Synchronous, Time(synchronous).Wall);
        }

        Console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{name,-40} log off {best.Off,9:F2} ms   async {best.Asynchronous,9:F2} ms ({best.Asynchronous / best.Off,5:F2}x)   sync {best.Synchronous,9:F2} ms ({best.Synchronous / best.Off,5:F2}x; {best.Synchronous / best.Asynchronous,5:F2}x async)"));
    }

    private static void Repeat(Func<int> query) => Repeat(query, 200);

    private static void Repeat(Func<int> query, int times)
    {
        for (var i = 0; i < times; i++)
        {
            query();
        }
    }

    private static int ReadOne(ServiceProvider services)
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = NewContext(services);
        return db.Customers.AsNoTracking().Where(c => c.Id == 42).Select(c => new { c.Id, c.Name, c.Email }).ToList().Count;
    }

    private static AccessBenchDb NewContext(ServiceProvider services) => services.GetRequiredService<IDbContextFactory<AccessBenchDb>>().CreateDbContext();

    private ServiceProvider Build(bool logAccess, AccessLogDurability durability = AccessLogDurability.Asynchronous)
    {
        var collection = new ServiceCollection();
        collection.AddPrivacy(o =>
        {
            o.Grant("agent", "support", PersonalDataCategory.Identity, PersonalDataCategory.Contact);
            o.AccessLogEnabled = logAccess;
            o.AccessLogDurability = durability;
        });
        collection.AddDbContextFactory<AccessBenchDb>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(directory, "access.db")}").UsePrivacy(sp));
        return collection.BuildServiceProvider();
    }
}
