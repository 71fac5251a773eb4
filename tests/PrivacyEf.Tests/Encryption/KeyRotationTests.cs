using Microsoft.EntityFrameworkCore;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

/// <summary>Rotation, re-encryption, retirement and legacy plaintext, checked against what the table really stores.</summary>
public abstract class KeyRotationTests(DatabaseTarget target) : IDisposable
{
    private readonly List<PrivacyApp> apps = [];

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Rotation_activates_a_new_key_and_old_values_keep_decrypting()
    {
        var app = await SeedAsync(rows: 5);
        Guid oldKey, newKey;
        await using (var db = app.NewContext())
        {
            oldKey = Assert.Single(await db.GetDataKeysAsync(), k => k.Kind == DataKeyKind.Data).Id;
            newKey = await db.RotateDataKeyAsync();
            db.Customers.Add(new Customer { Id = 100, Name = "After", Email = "after@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        await using var read = app.NewContext();
        var keys = (await read.GetDataKeysAsync()).Where(k => k.Kind == DataKeyKind.Data).ToDictionary(k => k.Id, k => k.Status);
        Assert.Equal(DataKeyStatus.DecryptOnly, keys[oldKey]);
        Assert.Equal(DataKeyStatus.Active, keys[newKey]);
        Assert.Equal(6, (await read.Customers.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(5, await CountSealedWithAsync(read, oldKey));
        Assert.Equal(1, await CountSealedWithAsync(read, newKey));
        Assert.Equal(100, (await read.Customers.SingleAsync(c => c.Email == "after@example.com")).Id);
    }

    [SkippableFact]
    public async Task Reencryption_moves_every_row_in_batches_and_reports_progress()
    {
        var app = await SeedAsync(rows: 23);
        await using var db = app.NewContext();
        var newKey = await db.RotateDataKeyAsync();
        var reports = new List<ReencryptionProgress>();
        var report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 5 }, new SynchronousProgress<ReencryptionProgress>(reports.Add));

        Assert.Equal(newKey, report.ActiveKeyId);
        var customers = Assert.Single(report.Entities, e => e.Entity == nameof(Customer));
        Assert.Equal((23, 5), (customers.Rows, customers.Batches));
        Assert.Equal([5L, 10, 15, 20, 23], reports.Where(r => r.Entity == nameof(Customer)).Select(r => r.Processed));
        Assert.All(reports, r => Assert.Equal(23, r.Total));
        Assert.Equal(23, await CountSealedWithAsync(db, newKey));
        Assert.Equal(0, await CountNotSealedWithAsync(db, newKey));

        await using var read = app.NewContext();
        Assert.Equal(Enumerable.Range(1, 23).Select(i => $"user{i}@example.com"), await read.Customers.OrderBy(c => c.Id).Select(c => c.Email).ToListAsync());
        Assert.Equal(7, (await read.Customers.SingleAsync(c => c.Email == "user7@example.com")).Id);

        var again = await db.ReencryptAsync();
        Assert.Equal(0, again.TotalRows);
    }

    [SkippableFact]
    public async Task An_interrupted_reencryption_leaves_whole_batches_and_a_second_run_finishes()
    {
        var app = await SeedAsync(rows: 20);
        await using var db = app.NewContext();
        var newKey = await db.RotateDataKeyAsync();
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<ReencryptionProgress>(p =>
        {
            if (p.Processed >= 8)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ReencryptAsync(new ReencryptionOptions { BatchSize = 4 }, progress, cancellation.Token));
        Assert.Equal(8, await CountSealedWithAsync(db, newKey));

        var rest = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 4 });
        Assert.Equal(12, rest.TotalRows);
        Assert.Equal(20, await CountSealedWithAsync(db, newKey));
        Assert.Equal(20, (await db.Customers.AsNoTracking().ToListAsync()).Count);
    }

    [SkippableFact]
    public async Task Retiring_a_key_is_refused_while_rows_use_it_or_it_is_active()
    {
        var app = await SeedAsync(rows: 3);
        await using var db = app.NewContext();
        var oldKey = Assert.Single(await db.GetDataKeysAsync(), k => k.Kind == DataKeyKind.Data).Id;
        var activeRefusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.RetireDataKeyAsync(oldKey));
        Assert.Contains("active key", activeRefusal.Message, StringComparison.Ordinal);

        var newKey = await db.RotateDataKeyAsync();
        var inUse = await Assert.ThrowsAsync<InvalidOperationException>(() => db.RetireDataKeyAsync(oldKey));
        Assert.Contains("Customer: 3 rows", inUse.Message, StringComparison.Ordinal);

        await db.ReencryptAsync();
        await db.RetireDataKeyAsync(oldKey);
        Assert.Equal(DataKeyStatus.Retired, (await db.GetDataKeysAsync()).Single(k => k.Id == oldKey).Status);
        Assert.Equal(3, (await db.Customers.AsNoTracking().ToListAsync()).Count);
        Assert.NotEqual(oldKey, newKey);
    }

    [SkippableFact]
    public async Task Legacy_plaintext_is_refused_unless_allowed_then_encrypted_in_place()
    {
        var plain = Track(PrivacyApp.Create(Target));
        await using (var db = await plain.CreateDatabaseAsync())
        {
            // Rows written before encryption was turned on, as plain text and without blind indexes.
            for (var i = 1; i <= 4; i++)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Customers" ("Id", "Name", "Email", "Segment") VALUES ({i}, {"Legacy " + i}, {"legacy" + i + "@example.com"}, {"old"})""");
            }
        }

        await using (var db = plain.NewContext())
        {
            var refusal = await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => db.Customers.AsNoTracking().ToListAsync());
            Assert.Contains("AllowLegacyPlaintextReads", refusal.Message, StringComparison.Ordinal);
        }

        var migrating = Track(PrivacyApp.Create(Target, plain.Database, plain.KeyRingDirectory, o => o.AllowLegacyPlaintextReads = true));
        await using (var db = migrating.NewContext())
        {
            Assert.Equal("legacy3@example.com", (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == 3)).Email);
            var report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 3 });
            Assert.Equal(4, report.TotalRows);
        }

        // Encrypted now: the strict application reads them, finds them by e-mail, and the table holds no plaintext.
        await using var strict = plain.NewContext();
        Assert.Equal(2, (await strict.Customers.SingleAsync(c => c.Email == "legacy2@example.com")).Id);
        Assert.Equal(4, await CountSealedWithAsync(strict, (await strict.GetDataKeysAsync()).Single(k => k is { Kind: DataKeyKind.Data, Status: DataKeyStatus.Active }).Id));
        var stored = await RawEmailsAsync(strict);
        Assert.DoesNotContain(stored, s => s.Contains("legacy", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Instances_that_created_rival_first_keys_converge_on_one_active_key_and_lose_no_rows()
    {
        var app = Track(PrivacyApp.Create(Target));
        await (await app.CreateDatabaseAsync()).DisposeAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => Track(app.AnotherInstance(Target))).ToList();
        using var start = new Barrier(instances.Count);
        await Task.WhenAll(instances.Select((instance, n) => Task.Run(async () =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                await using var db = instance.NewContext();
                db.Customers.Add(new Customer { Id = (n * 100) + i + 1, Name = $"n{n}", Email = $"{n}.{i}@example.com" });
                await db.SaveChangesAsSystemAsync();
            }
        })));

        // A later writer (after its key refresh) settles the table on a single active data key.
        using var late = app.AnotherInstance(Target);
        await using (var db = late.NewContext())
        {
            db.Customers.Add(new Customer { Id = 9999, Name = "late", Email = "late@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        foreach (var reader in instances.Append(late))
        {
            await using var db = reader.NewContext();
            Assert.Equal(21, (await db.Customers.AsNoTracking().ToListAsync()).Count);
            Assert.Equal(301, (await db.Customers.SingleAsync(c => c.Email == "9.9@example.com" || c.Email == "3.0@example.com")).Id);
        }

        await using var check = late.NewContext();
        var dataKeys = (await check.GetDataKeysAsync()).Where(k => k.Kind == DataKeyKind.Data).ToList();
        Assert.Single(dataKeys, k => k.Status == DataKeyStatus.Active);
        Assert.Single(await check.GetDataKeysAsync(), k => k.Kind == DataKeyKind.BlindIndex);
    }

    [SkippableFact]
    public async Task Two_active_first_keys_in_one_table_are_settled_on_the_smaller_id_and_both_stay_readable()
    {
        // Two instances that each created a first key on an empty table at the same moment leave two active
        // rows. Made deterministic here: the rival key and a row sealed with it come from a second database.
        var first = await SeedAsync(rows: 2);
        using var elsewhere = PrivacyApp.Create(Target, keyRingDirectory: first.KeyRingDirectory);
        await using (var db = await elsewhere.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 50, Name = "Rival", Email = "rival@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        List<string[]> rivalKey, rivalRow;
        await using (var db = elsewhere.NewContext())
        {
            rivalKey = await RowsAsync(db, """SELECT "Id", "WrappedKey", "CreatedAt" FROM "privacy_data_keys" WHERE "Kind" = 0""");
            rivalRow = await RowsAsync(db, """SELECT "Name", "Email" FROM "Customers" """);
        }

        await using (var db = first.NewContext())
        {
            var key = Assert.Single(rivalKey);
            var createdAt = DateTimeOffset.Parse(key[2], System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "privacy_data_keys" ("Id", "WrappedKey", "CreatedAt", "Status", "Kind") VALUES ({key[0]}, {key[1]}, {createdAt}, 0, 0)""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Customers" ("Id", "Name", "Email", "Segment") VALUES (50, {rivalRow[0][0]}, {rivalRow[0][1]}, {"x"})""");
            Assert.Equal(2, (await db.GetDataKeysAsync()).Count(k => k is { Kind: DataKeyKind.Data, Status: DataKeyStatus.Active }));
        }

        using var fresh = first.AnotherInstance(Target);
        await using (var db = fresh.NewContext())
        {
            db.Customers.Add(new Customer { Id = 60, Name = "Fresh", Email = "fresh@example.com" });
            await db.SaveChangesAsSystemAsync();
            var dataKeys = (await db.GetDataKeysAsync()).Where(k => k.Kind == DataKeyKind.Data).ToList();
            var active = Assert.Single(dataKeys, k => k.Status == DataKeyStatus.Active);
            Assert.Equal(dataKeys.Select(k => k.Id.ToString("N")).Order(StringComparer.Ordinal).First(), active.Id.ToString("N"));
            Assert.Equal(DataKeyStatus.DecryptOnly, Assert.Single(dataKeys, k => k.Id != active.Id).Status);
            Assert.Equal(["user1@example.com", "user2@example.com", "rival@example.com", "fresh@example.com"], await db.Customers.OrderBy(c => c.Id).Select(c => c.Email).ToListAsync());
        }
    }

    private static async Task<List<string[]>> RowsAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string[]>();
            while (await reader.ReadAsync())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        apps.ForEach(a => a.Dispose());
        GC.SuppressFinalize(this);
    }

    private PrivacyApp Track(PrivacyApp app)
    {
        apps.Add(app);
        return app;
    }

    private async Task<PrivacyApp> SeedAsync(int rows)
    {
        var app = Track(PrivacyApp.Create(Target));
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.AddRange(Enumerable.Range(1, rows).Select(i => new Customer { Id = i, Name = $"User {i}", Email = $"user{i}@example.com", Phone = i % 2 == 0 ? null : "+1 555 " + i }));
        await db.SaveChangesAsSystemAsync();
        return app;
    }

    private static async Task<long> CountSealedWithAsync(DbContext db, Guid keyId)
    {
        var prefix = ColumnCipher.StringPrefixFor(keyId);
        return await db.Database.SqlQuery<long>($"""SELECT COUNT(*) AS "Value" FROM "Customers" WHERE substr("Email", 1, 24) = {prefix}""").SingleAsync();
    }

    private static async Task<long> CountNotSealedWithAsync(DbContext db, Guid keyId)
    {
        var prefix = ColumnCipher.StringPrefixFor(keyId);
        return await db.Database.SqlQuery<long>($"""SELECT COUNT(*) AS "Value" FROM "Customers" WHERE substr("Email", 1, 24) <> {prefix} OR substr("Name", 1, 24) <> {prefix} OR ("Phone" IS NOT NULL AND substr("Phone", 1, 24) <> {prefix})""").SingleAsync();
    }

    private static Task<List<string>> RawEmailsAsync(DbContext db) =>
        db.Database.SqlQuery<string>($"""SELECT "Email" AS "Value" FROM "Customers" """).ToListAsync();
}
