using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Benchmarks.Encryption;

/// <summary>Writing and reading rows with two encrypted columns against the same rows in plaintext, on SQLite.</summary>
[MemoryDiagnoser]
public class EncryptedColumnBenchmarks
{
    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-bench-").FullName;
    private ServiceProvider? services;

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
        collection.AddPrivacy(o => o.AccessLogEnabled = false); // decryption alone; the access benchmarks price the log
        collection.AddDbContextFactory<BenchDb>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(directory, "bench.db")}").UsePrivacy(sp));
        services = collection.BuildServiceProvider();
        using var db = NewContext();
        db.Database.EnsureDeleted();
        db.Database.EnsureCreated();
        db.Customers.AddRange(Enumerable.Range(1, Rows).Select(i => new BenchCustomer { Id = i, Email = $"user{i}@example.com", Name = $"Customer {i}" }));
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
    public int ReadPlaintext()
    {
        using var scope = Privacy.System("benchmark: decryption cost");
        using var db = NewContext();
        return db.PlainCustomers.AsNoTracking().ToList().Count;
    }

    [Benchmark]
    public int ReadEncrypted()
    {
        using var scope = Privacy.System("benchmark: decryption cost");
        using var db = NewContext();
        return db.Customers.AsNoTracking().ToList().Count;
    }

    public static void Quick()
    {
        var benchmark = new EncryptedColumnBenchmarks { Rows = 10_000 };
        benchmark.Setup();
        try
        {
            QuickComparison.Compare($"read {benchmark.Rows:N0} rows, 2 encrypted columns vs plaintext", () => benchmark.ReadPlaintext(), () => benchmark.ReadEncrypted());
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    private BenchDb NewContext() => services!.GetRequiredService<IDbContextFactory<BenchDb>>().CreateDbContext();
}
