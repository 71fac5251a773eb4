using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

/// <summary>Encryption behaviour that needs SQL: what is really stored, and what happens when it is tampered with.</summary>
public abstract class RelationalEncryptionTests(DatabaseTarget target) : EncryptionTests(target)
{
    private const string Secret = "ada.lovelace@analytical-engine.example";

    [SkippableFact]
    public async Task No_plaintext_of_an_encrypted_column_reaches_the_table()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.Add(new Customer { Id = 1, Name = "Ada Lovelace", Email = Secret, Phone = "+44 20 7946 0000", PreferredLanguage = "en", Segment = "gold" });
        await db.SaveChangesAsync();

        var row = await ReadRowAsync(db, """SELECT "Name", "Email", "Phone", "PreferredLanguage", "Segment" FROM "Customers" """);
        foreach (var stored in row.Take(3))
        {
            Assert.StartsWith(ColumnCipher.StringPrefix, stored, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(row, value => value.Contains("Ada", StringComparison.Ordinal) || value.Contains("lovelace", StringComparison.OrdinalIgnoreCase) || value.Contains("7946", StringComparison.Ordinal));

        // Columns that are not encrypted stay readable: the scan above is not passing because everything is mangled.
        Assert.Equal("en", row[3]);
        Assert.Equal("gold", row[4]);
    }

    [SkippableFact]
    public async Task Equal_plaintexts_give_different_ciphertexts()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.Add(new Customer { Id = 1, Name = "Same", Email = "same@x" });
        db.Customers.Add(new Customer { Id = 2, Name = "Same", Email = "same@x" });
        await db.SaveChangesAsync();

        var names = await ReadColumnAsync(db, """SELECT "Name" FROM "Customers" ORDER BY "Id" """);
        Assert.NotEqual(names[0], names[1]);
    }

    [SkippableFact]
    public async Task The_key_table_holds_only_data_keys_wrapped_by_data_protection()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.Add(new Customer { Id = 1, Name = "n", Email = "e" });
        await db.SaveChangesAsync();

        // One data key and one blind-index key (Customer.Email is searchable).
        var rows = await ReadRowsAsync(db, """SELECT "WrappedKey", "Kind" FROM "privacy_data_keys" ORDER BY "Kind" """);
        Assert.Equal(["0", "1"], rows.Select(r => r[1]));
        foreach (var wrapped in rows.Select(r => r[0]))
        {
            // Data Protection payloads start with its magic header 09 F0 C9 F0, which is "CfDJ8" in base64.
            Assert.StartsWith("CfDJ8", wrapped, StringComparison.Ordinal);
            Assert.True(Convert.FromBase64String(wrapped).Length > DataKey.KeySizeInBytes + 32);
        }
    }

    [SkippableFact]
    public async Task A_tampered_ciphertext_fails_with_entity_and_property()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "n", Email = Secret });
            await db.SaveChangesAsync();
            var stored = Assert.Single(await ReadColumnAsync(db, """SELECT "Email" FROM "Customers" """));
            var bytes = Convert.FromBase64String(stored[ColumnCipher.StringPrefix.Length..]);
            bytes[^1] ^= 0x01;
            var tampered = ColumnCipher.StringPrefix + Convert.ToBase64String(bytes);
            await db.Database.ExecuteSqlAsync($"""UPDATE "Customers" SET "Email" = {tampered}""");
        }

        await using var read = app.NewContext();
        var failure = await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => read.Customers.AsNoTracking().SingleAsync());
        Assert.Contains("does not authenticate", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_ciphertext_copied_into_another_column_fails()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "n", Email = Secret, Phone = "p" });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Customers" SET "Phone" = "Email" """);
        }

        await using var read = app.NewContext();
        await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Phone), () => read.Customers.AsNoTracking().SingleAsync());
    }

    [SkippableTheory]
    [InlineData("plain text written around PrivacyEf", "not a PrivacyEf envelope")]
    [InlineData("pef:!!!not-base64!!!", "not valid base64")]
    [InlineData("pef:", "shorter than its")]
    [InlineData("pef:AQID", "shorter than its")]
    public async Task Foreign_or_truncated_values_fail_with_a_clear_reason(string stored, string reason)
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "n", Email = "e" });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""UPDATE "Customers" SET "Email" = {stored}""");
        }

        await using var read = app.NewContext();
        var failure = await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => read.Customers.AsNoTracking().SingleAsync());
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_envelope_with_an_unknown_format_version_is_refused()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "n", Email = "e" });
            await db.SaveChangesAsync();
            var stored = Assert.Single(await ReadColumnAsync(db, """SELECT "Email" FROM "Customers" """));
            var bytes = Convert.FromBase64String(stored[ColumnCipher.StringPrefix.Length..]);
            bytes[0] = 9;
            var changed = ColumnCipher.StringPrefix + Convert.ToBase64String(bytes);
            await db.Database.ExecuteSqlAsync($"""UPDATE "Customers" SET "Email" = {changed}""");
        }

        await using var read = app.NewContext();
        var failure = await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => read.Customers.AsNoTracking().SingleAsync());
        Assert.Contains("format version 9", failure.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Another_instance_with_the_same_key_ring_reads_the_rows()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var first = PrivacyApp.Create(Target);
        await using (var db = await first.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada Lovelace", Email = "ada@example.com" });
            await db.SaveChangesAsync();
        }

        using var second = first.AnotherInstance(Target);
        await using (var db = second.NewContext())
        {
            var loaded = await db.Customers.SingleAsync();
            Assert.Equal("ada@example.com", loaded.Email);
            db.Customers.Add(new Customer { Id = 2, Name = "Grace Hopper", Email = "grace@example.com" });
            await db.SaveChangesAsync();
        }

        await using var again = first.NewContext();
        Assert.Equal(["ada@example.com", "grace@example.com"], await again.Customers.OrderBy(c => c.Id).Select(c => c.Email).ToListAsync());
        Assert.Equal(1, await again.Set<PrivacyDataKey>().CountAsync(k => k.Kind == DataKeyKind.Data));
    }

    [SkippableFact]
    public async Task Two_applications_with_different_key_rings_in_one_process_cannot_read_each_others_rows()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var alpha = PrivacyApp.Create(Target);
        using var beta = PrivacyApp.Create(Target);
        await using (var db = await alpha.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Alpha", Email = "alpha@example.com" });
            await db.SaveChangesAsync();
        }

        await using (var db = await beta.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 2, Name = "Beta", Email = "beta@example.com" });
            await db.SaveChangesAsync();
        }

        // Each application pointed at the other's database: same process, other key ring.
        using var alphaOnBeta = PrivacyApp.Create(Target, beta.Database, alpha.KeyRingDirectory);
        using var betaOnAlpha = PrivacyApp.Create(Target, alpha.Database, beta.KeyRingDirectory);
        await using (var db = alphaOnBeta.NewContext())
        {
            await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => db.Customers.AsNoTracking().SingleAsync());
        }

        await using (var db = betaOnAlpha.NewContext())
        {
            await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => db.Customers.AsNoTracking().SingleAsync());
        }

        await using (var db = alpha.NewContext())
        {
            Assert.Equal("alpha@example.com", (await db.Customers.AsNoTracking().SingleAsync()).Email);
        }

        await using (var db = beta.NewContext())
        {
            Assert.Equal("beta@example.com", (await db.Customers.AsNoTracking().SingleAsync()).Email);
        }
    }

    [SkippableFact]
    public async Task An_application_with_another_key_ring_in_the_same_process_cannot_read_the_rows()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        var database = Target.NewDatabaseName();
        using var alpha = PrivacyApp.Create(Target, database);
        using var beta = PrivacyApp.Create(Target, database);
        await using (var db = await alpha.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Alpha", Email = "alpha@example.com" });
            await db.SaveChangesAsync();
        }

        await using (var db = beta.NewContext())
        {
            await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Email), () => db.Customers.AsNoTracking().SingleAsync());
        }

        // Beta's failure leaves alpha's keys and model untouched.
        await using (var db = alpha.NewContext())
        {
            Assert.Equal("alpha@example.com", (await db.Customers.AsNoTracking().SingleAsync()).Email);
        }
    }

    protected static async Task<List<string>> ReadColumnAsync(DbContext db, string sql) =>
        [.. (await ReadRowsAsync(db, sql)).Select(r => r[0])];

    protected static async Task<string[]> ReadRowAsync(DbContext db, string sql) =>
        Assert.Single(await ReadRowsAsync(db, sql));

    protected static async Task<List<string[]>> ReadRowsAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string[]>();
            while (await reader.ReadAsync())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
