using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Benchmarks.Encryption;

/// <summary>
/// One lookup by e-mail through the blind index of an encrypted, searchable column (goal: at most 1.2x the
/// same lookup on a plaintext indexed column), against two baselines: a plaintext indexed column of the same
/// entity (same row, same decryption and access checks: the blind index alone), and a plaintext table without
/// PrivacyEf annotations (everything PrivacyEf adds to reading the row). SQLite, 10,000 rows. The quick mode
/// also measures lookups in the middle of a blind-index key rotation, half the rows rebuilt.
/// </summary>
[MemoryDiagnoser]
public class SearchableLookupBenchmarks
{
    private const int Rows = 10_000;
    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-bench-").FullName;
    private ServiceProvider? services;
    private int next;

    /// <summary>Set for the quick mode's mid-rotation run: keys are re-read every second.</summary>
    private TimeSpan? keyRefreshInterval;

    [GlobalSetup]
    public void Setup()
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
        collection.AddPrivacy(o => o.KeyRefreshInterval = keyRefreshInterval ?? o.KeyRefreshInterval);
        collection.AddDbContextFactory<BenchDb>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(directory, "lookup.db")}").UsePrivacy(sp));
        services = collection.BuildServiceProvider();
        using var db = NewContext();
        db.Database.EnsureCreated();
        db.Customers.AddRange(Enumerable.Range(1, Rows).Select(i => new BenchCustomer { Id = i, Email = $"user{i}@example.com", Name = $"Customer {i}", LookupCode = $"user{i}@example.com" }));
        db.PlainCustomers.AddRange(Enumerable.Range(1, Rows).Select(i => new PlainCustomer { Id = i, Email = $"user{i}@example.com", Name = $"Customer {i}" }));
        using (Privacy.System("benchmark seeding"))
        {
            db.SaveChanges();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int PlaintextIndexedLookup()
    {
        var email = NextEmail();
        using var db = NewContext();
        return db.PlainCustomers.AsNoTracking().Single(c => c.Email == email).Id;
    }

    [Benchmark]
    public int SameEntityPlaintextIndexedLookup()
    {
        var email = NextEmail();
        using var db = NewContext();
        return db.Customers.AsNoTracking().Single(c => c.LookupCode == email).Id;
    }

    [Benchmark]
    public int BlindIndexLookup()
    {
        var email = NextEmail();
        using var db = NewContext();
        return db.Customers.AsNoTracking().Single(c => c.Email == email).Id;
    }

    public static void Quick()
    {
        var benchmark = new SearchableLookupBenchmarks();
        benchmark.Setup();
        try
        {
            QuickComparison.Compare("2,000 lookups by e-mail: blind index vs plaintext index, same entity", () => Repeat(benchmark.SameEntityPlaintextIndexedLookup), () => Repeat(benchmark.BlindIndexLookup));
            QuickComparison.Compare("2,000 lookups by e-mail: blind index vs plaintext table", () => Repeat(benchmark.PlaintextIndexedLookup), () => Repeat(benchmark.BlindIndexLookup));
        }
        finally
        {
            benchmark.Cleanup();
        }

        var rotating = new SearchableLookupBenchmarks { keyRefreshInterval = TimeSpan.FromSeconds(1) };
        rotating.Setup();
        try
        {
            rotating.RebuildHalfUnderANewBlindIndexKey();
            QuickComparison.Compare("2,000 lookups mid-rotation (half under each key) vs plaintext index, same entity", () => Repeat(rotating.SameEntityPlaintextIndexedLookup), () => Repeat(rotating.BlindIndexLookup));
        }
        finally
        {
            rotating.Cleanup();
        }

        static void Repeat(Func<int> lookup)
        {
            for (var i = 0; i < 2000; i++)
            {
                lookup();
            }
        }
    }

    private void RebuildHalfUnderANewBlindIndexKey()
    {
        using var db = NewContext();
        var rotation = db.RotateBlindIndexKeyAsync().GetAwaiter().GetResult();
        var wait = rotation.WritesMoveAt - DateTimeOffset.UtcNow;
        Thread.Sleep(wait > TimeSpan.Zero ? wait + TimeSpan.FromMilliseconds(100) : TimeSpan.Zero);
        using var halfway = new CancellationTokenSource();
        var progress = new QuickProgress<ReencryptionProgress>(p =>
        {
            if (p.Processed >= Rows / 2)
            {
                halfway.Cancel();
            }
        });
        try
        {
            db.ReencryptAsync(new ReencryptionOptions { BatchSize = 1000 }, progress, halfway.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped halfway on purpose: the lookups below run mid-rotation.
        }
    }

    private string NextEmail() => $"user{(next++ % Rows) + 1}@example.com";

    private BenchDb NewContext() => services!.GetRequiredService<IDbContextFactory<BenchDb>>().CreateDbContext();
}
