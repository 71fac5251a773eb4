using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Benchmarks.Encryption;

/// <summary>
/// Re-encryption after a rotation: rows per second and the peak of managed memory while it runs, for two
/// table sizes on SQLite and PostgreSQL (goal: memory flat in the row count). The largest size is also
/// measured for the rebuild of the blind indexes after a blind-index key rotation.
/// </summary>
public static class ReencryptionThroughput
{
    public static async Task RunAsync(params int[] sizes)
    {
        foreach (var rows in sizes)
        {
            var directory = Directory.CreateTempSubdirectory("privacyef-bench-").FullName;
            try
            {
                await MeasureAsync("SQLite", rows, directory, o => o.UseSqlite($"Data Source={Path.Combine(directory, "reencrypt.db")}"), blindIndexRotation: false);
                if (rows == sizes.Max())
                {
                    await MeasureAsync("SQLite", rows, directory, o => o.UseSqlite($"Data Source={Path.Combine(directory, "rebuild.db")}"), blindIndexRotation: true);
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }

        if (PostgresCluster.UnavailableReason is { } reason)
        {
            Console.WriteLine($"PostgreSQL figures skipped: {reason}");
            return;
        }

        await using var cluster = await PostgresCluster.StartAsync();
        foreach (var rows in sizes)
        {
            var directory = Directory.CreateTempSubdirectory("privacyef-bench-").FullName;
            try
            {
                var database = "reencrypt" + rows.ToString(CultureInfo.InvariantCulture);
                await MeasureAsync("PostgreSQL", rows, directory, o => o.UseNpgsql(cluster.ConnectionString(database)), blindIndexRotation: false);
                if (rows == sizes.Max())
                {
                    await MeasureAsync("PostgreSQL", rows, directory, o => o.UseNpgsql(cluster.ConnectionString(database + "rebuild")), blindIndexRotation: true);
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task MeasureAsync(string provider, int rows, string directory, Action<DbContextOptionsBuilder> useDatabase, bool blindIndexRotation)
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));

        // A blind-index rotation moves writes two refresh intervals after it starts: one second keeps the wait short.
        collection.AddPrivacy(o => o.KeyRefreshInterval = blindIndexRotation ? TimeSpan.FromSeconds(1) : o.KeyRefreshInterval);
        collection.AddDbContextFactory<BenchDb>((sp, o) => useDatabase(o.UsePrivacy(sp)));
        await using var services = collection.BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<BenchDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var start = 0; start < rows; start += 5000)
            {
                db.Customers.AddRange(Enumerable.Range(start + 1, Math.Min(5000, rows - start)).Select(i => new BenchCustomer { Id = i, Email = $"user{i}@example.com", Name = $"Customer {i}" }));
                using (Privacy.System("benchmark seeding"))
                {
                    await db.SaveChangesAsync();
                }

                db.ChangeTracker.Clear();
            }

            if (blindIndexRotation)
            {
                var rotation = await db.RotateBlindIndexKeyAsync();
                var wait = rotation.WritesMoveAt - DateTimeOffset.UtcNow;
                await Task.Delay(wait > TimeSpan.Zero ? wait + TimeSpan.FromMilliseconds(100) : TimeSpan.Zero);
            }
            else
            {
                await db.RotateDataKeyAsync();
            }
        }

        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var watch = Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 1000 }, new PeakMemoryProgress(bytes => peak = Math.Max(peak, bytes)));
            watch.Stop();
            if (report.TotalRows != rows)
            {
                throw new InvalidOperationException($"Re-encrypted {report.TotalRows} rows, expected {rows}.");
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{(blindIndexRotation ? "rebuild blind indexes" : "re-encrypt"),-21} {rows,9:N0} rows on {provider,-10} {watch.Elapsed.TotalSeconds,7:F1} s  {rows / watch.Elapsed.TotalSeconds,9:N0} rows/s  peak managed memory above baseline {(peak - baseline) / 1048576.0,6:F1} MB"));
    }

    private sealed class PeakMemoryProgress(Action<long> observe) : IProgress<ReencryptionProgress>
    {
        public void Report(ReencryptionProgress value) => observe(GC.GetTotalMemory(forceFullCollection: false));
    }
}
