using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Benchmarks.Reads;

/// <summary>
/// Issue 13's speed goals, side by side in one process: 10,000 rows x 3 string columns on SQLite files, reads without
/// tracking. Plain EF against the same rows annotated; a hand-written AES-GCM converter against PrivacyEf's encryption
/// (read and insert); an agent with masking and the access log against a system scope with the log off.
/// </summary>
public sealed class ReadSpeedBenchmarks : IDisposable
{
    private const int Rows = 10_000;

    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-bench-reads-").FullName;
    private readonly ServiceProvider plain;
    private readonly ServiceProvider logged;
    private readonly ServiceProvider unlogged;

    public ReadSpeedBenchmarks()
    {
        plain = BuildPlain();
        logged = BuildPrivate(logAccess: true);
        unlogged = BuildPrivate(logAccess: false);
        using (var db = Plain())
        {
            db.Database.EnsureDeleted();
            db.Database.EnsureCreated();
            db.PlainRows.AddRange(Enumerable.Range(1, Rows).Select(i => Fill(new PlainRow { Id = i }, i)));
            db.ConverterRows.AddRange(NewConverterRows());
            db.SaveChanges();
        }

        using (Privacy.System("benchmark seeding"))
        using (var db = Private(unlogged))
        {
            db.Database.EnsureDeleted();
            db.Database.EnsureCreated();
            db.AnnotatedRows.AddRange(Enumerable.Range(1, Rows).Select(i => new AnnotatedRow { Id = i, Name = Name(i), Email = Email(i), Iban = Iban(i) }));
            db.EncryptedRows.AddRange(NewEncryptedRows());
            db.SaveChanges();
        }
    }

    /// <summary>Runs every comparison once and prints a line each; with PRIVACYEF_BENCH_BREAKDOWN=1, also the parts of the agent's cost.</summary>
    public static void Quick(int rounds = 15)
    {
        using var benchmark = new ReadSpeedBenchmarks();
        benchmark.Run(rounds);
    }

    public void Run(int rounds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"issue 13 speed goals: {Rows:N0} rows x 3 string columns, SQLite, median of {rounds} interleaved rounds"));
        InterleavedMedian.Compare("read: annotated, not encrypted (system) vs plaintext", 1.30, ReadPlain, ReadAnnotatedAsSystem, rounds);
        InterleavedMedian.Compare("read: PrivacyEf 3 encrypted columns vs AES-GCM converter", 1.15, ReadConverter, ReadEncrypted, rounds);
        InterleavedMedian.Compare("insert: PrivacyEf 3 encrypted columns vs AES-GCM converter", 1.10, InsertConverter, InsertEncrypted, rounds, prepare: DeleteInsertedRows);
        InterleavedMedian.Compare("read: agent, masking + access log vs system, log off", 1.10, ReadAnnotatedAsSystem, ReadAnnotatedAsAgentLogged, rounds);
        InterleavedMedian.Compare("(info) read tracked: annotated (system) vs plaintext", double.NaN, ReadPlainTracked, ReadAnnotatedAsSystemTracked, rounds);
        if (Environment.GetEnvironmentVariable("PRIVACYEF_BENCH_BREAKDOWN") == "1")
        {
            // What the agent's read costs above the system's: masking alone, and the access log alone.
            InterleavedMedian.Compare("(breakdown) read: agent, masking, log off vs system, log off", double.NaN, ReadAnnotatedAsSystem, ReadAnnotatedAsAgentUnlogged, rounds);
            InterleavedMedian.Compare("(breakdown) read: system, log on vs system, log off", double.NaN, ReadAnnotatedAsSystem, ReadAnnotatedAsSystemLogged, rounds);
        }

        using var db = Private(logged);
        db.FlushAccessLogAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        plain.Dispose();
        logged.Dispose();
        unlogged.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private void ReadPlain()
    {
        using var db = Plain();
        _ = db.PlainRows.AsNoTracking().ToList();
    }

    private void ReadPlainTracked()
    {
        using var db = Plain();
        _ = db.PlainRows.ToList();
    }

    private void ReadConverter()
    {
        using var db = Plain();
        _ = db.ConverterRows.AsNoTracking().ToList();
    }

    private void ReadAnnotatedAsSystem()
    {
        using var scope = Privacy.System("benchmark");
        using var db = Private(unlogged);
        _ = db.AnnotatedRows.AsNoTracking().ToList();
    }

    private void ReadAnnotatedAsSystemTracked()
    {
        using var scope = Privacy.System("benchmark");
        using var db = Private(unlogged);
        _ = db.AnnotatedRows.ToList();
    }

    private void ReadAnnotatedAsAgentLogged()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = Private(logged);
        _ = db.AnnotatedRows.AsNoTracking().ToList();
    }

    private void ReadAnnotatedAsAgentUnlogged()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);
        using var db = Private(unlogged);
        _ = db.AnnotatedRows.AsNoTracking().ToList();
    }

    private void ReadAnnotatedAsSystemLogged()
    {
        using var scope = Privacy.System("benchmark");
        using var db = Private(logged);
        _ = db.AnnotatedRows.AsNoTracking().ToList();
    }

    private void ReadEncrypted()
    {
        using var scope = Privacy.System("benchmark");
        using var db = Private(unlogged);
        _ = db.EncryptedRows.AsNoTracking().ToList();
    }

    private void InsertConverter()
    {
        using var db = Plain();
        db.ConverterRows.AddRange(NewConverterRows());
        db.SaveChanges();
    }

    private void InsertEncrypted()
    {
        using var scope = Privacy.System("benchmark");
        using var db = Private(unlogged);
        db.EncryptedRows.AddRange(NewEncryptedRows());
        db.SaveChanges();
    }

    private void DeleteInsertedRows()
    {
        using (var db = Plain())
        {
            db.ConverterRows.ExecuteDelete();
        }

        using var scope = Privacy.System("benchmark");
        using var privateDb = Private(unlogged);
        privateDb.EncryptedRows.ExecuteDelete();
    }

    private static IEnumerable<ConverterRow> NewConverterRows() =>
        Enumerable.Range(1, Rows).Select(i => new ConverterRow { Id = i, Name = Name(i), Email = Email(i), Iban = Iban(i) });

    private static IEnumerable<EncryptedRow> NewEncryptedRows() =>
        Enumerable.Range(1, Rows).Select(i => new EncryptedRow { Id = i, Name = Name(i), Email = Email(i), Iban = Iban(i) });

    private static PlainRow Fill(PlainRow row, int i)
    {
        row.Name = Name(i);
        row.Email = Email(i);
        row.Iban = Iban(i);
        return row;
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"Customer Number {i}");

    private static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"user{i}@example.com");

    private static string Iban(int i) => string.Create(CultureInfo.InvariantCulture, $"DE8937040044053201{i:0000}");

    private PlainReadsDb Plain() => plain.GetRequiredService<IDbContextFactory<PlainReadsDb>>().CreateDbContext();

    private static PrivateReadsDb Private(ServiceProvider services) => services.GetRequiredService<IDbContextFactory<PrivateReadsDb>>().CreateDbContext();

    private ServiceProvider BuildPlain()
    {
        var collection = new ServiceCollection();
        collection.AddDbContextFactory<PlainReadsDb>(o => o.UseSqlite($"Data Source={Path.Combine(directory, "plain.db")}"));
        return collection.BuildServiceProvider();
    }

    private ServiceProvider BuildPrivate(bool logAccess)
    {
        var collection = new ServiceCollection();

        // Both providers unwrap the same data keys.
        collection.AddDataProtection().SetApplicationName("privacyef-bench-reads").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
        collection.AddPrivacy(o =>
        {
            o.Grant("agent", "support", PersonalDataCategory.Identity, PersonalDataCategory.Contact);
            o.AccessLogEnabled = logAccess;
        });
        collection.AddDbContextFactory<PrivateReadsDb>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(directory, "private.db")}").UsePrivacy(sp));
        return collection.BuildServiceProvider();
    }
}
