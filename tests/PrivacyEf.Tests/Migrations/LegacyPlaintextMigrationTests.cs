using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Encryption;
using SupportDesk.Model;

namespace PrivacyEf.Tests.Migrations;

/// <summary>
/// Turning encryption on for a populated table with the sample's real migrations: the plaintext schema,
/// data, the migration PrivacyEf's annotations produced, re-encryption of the legacy rows, verification.
/// </summary>
public abstract class LegacyPlaintextMigrationTests : IDisposable
{
    private readonly string keyRing = Directory.CreateTempSubdirectory("privacyef-migration-keys-").FullName;

    [SkippableFact]
    public async Task Plaintext_rows_are_encrypted_after_the_encryption_migration()
    {
        RequireAvailable();
        await using (var provider = BuildServices(allowLegacyPlaintext: false))
        {
            await using var scope = provider.CreateAsyncScope();
            var db = Resolve(scope.ServiceProvider);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("InitialPlaintext");
            Assert.DoesNotContain("privacy_data_keys", await TablesAsync(db));
            for (var i = 1; i <= 5; i++)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Customers" ("Name", "Email", "Phone", "Plan") VALUES ({"Legacy Customer " + i}, {"legacy" + i + "@example.com"}, {"+49 30 555 " + i}, {"basic"})""");
            }

            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Contains("privacy_data_keys", await TablesAsync(db));

            // Without the legacy option the plaintext is refused, not silently passed through.
            await Assert.ThrowsAsync<PrivacyCryptographicException>(() => db.Customers.AsNoTracking().ToListAsync());
        }

        await using (var provider = BuildServices(allowLegacyPlaintext: true))
        {
            await using var scope = provider.CreateAsyncScope();
            var db = Resolve(scope.ServiceProvider);
            Assert.Equal(5, (await db.Customers.AsNoTracking().ToListAsync()).Count);
            var report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 2 });
            Assert.Equal(5, report.TotalRows);
            Assert.Equal(3, Assert.Single(report.Entities, e => e.Entity == nameof(Customer)).Batches);
        }

        await using (var provider = BuildServices(allowLegacyPlaintext: false))
        {
            await using var scope = provider.CreateAsyncScope();
            var db = Resolve(scope.ServiceProvider);
            var stored = await db.Database.SqlQuery<string>($"""SELECT "Email" || '|' || "Name" || '|' || "Phone" AS "Value" FROM "Customers" """).ToListAsync();
            Assert.Equal(5, stored.Count);
            Assert.All(stored, row => Assert.DoesNotContain("egacy", row, StringComparison.Ordinal));
            Assert.All(stored, row => Assert.All(row.Split('|'), value => Assert.StartsWith(ColumnCipher.StringPrefix, value, StringComparison.Ordinal)));
            Assert.Equal("Legacy Customer 4", (await db.Customers.SingleAsync(c => c.Email == "LEGACY4@example.com")).Name);
        }
    }

    [SkippableFact]
    public async Task Reencrypting_after_a_system_read_neither_waits_on_the_access_log_nor_leaves_plaintext_behind()
    {
        RequireAvailable();
        await using (var provider = BuildServices(allowLegacyPlaintext: false))
        {
            await using var scope = provider.CreateAsyncScope();
            var db = Resolve(scope.ServiceProvider);
            await db.GetService<IMigrator>().MigrateAsync("InitialPlaintext");
            for (var i = 1; i <= 50; i++)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Customers" ("Name", "Email", "Phone", "Plan") VALUES ({"Legacy Customer " + i}, {"legacy" + i + "@example.com"}, {"+49 30 555 " + i}, {"basic"})""");
            }

            await db.Database.MigrateAsync();
        }

        await using (var provider = BuildServices(allowLegacyPlaintext: true))
        {
            await using var scope = provider.CreateAsyncScope();
            var db = Resolve(scope.ServiceProvider);
            using (Privacy.System("test: a support lookup before the migration"))
            {
                // A disclosure the access log writer is still writing while re-encryption starts.
                Assert.Equal(50, (await db.Customers.AsNoTracking().ToListAsync()).Count);
            }

            var report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 7 }).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(50, report.TotalRows);
            await db.FlushAccessLogAsync();

            // While the application still runs (a process may end without closing its connections, so nothing
            // after this point may be counted on): main file, journal and free pages hold none of the legacy values.
            if (await ReadRawStorageAsync() is { } raw)
            {
                Assert.Equal(-1, raw.AsSpan().IndexOf("egacy"u8));
            }
        }
    }

    /// <summary>Every byte the database keeps on disk (main file and journal), or null where that cannot be read.</summary>
    protected virtual Task<byte[]?> ReadRawStorageAsync() => Task.FromResult<byte[]?>(null);

    public void Dispose()
    {
        Directory.Delete(keyRing, recursive: true);
        ReleaseDatabase();
        GC.SuppressFinalize(this);
    }

    protected virtual void ReleaseDatabase()
    {
    }

    protected virtual void RequireAvailable()
    {
    }

    protected abstract void AddDatabase(IServiceCollection services);

    protected abstract SupportDb Resolve(IServiceProvider services);

    protected abstract FormattableString ListTablesSql { get; }

    private ServiceProvider BuildServices(bool allowLegacyPlaintext)
    {
        var services = SupportDbServices.Create(keyRing, o =>
        {
            o.AllowLegacyPlaintextReads = allowLegacyPlaintext;
            o.WithoutScope = UnscopedAccess.Disclose;
        });
        AddDatabase(services);
        return services.BuildServiceProvider();
    }

    private Task<List<string>> TablesAsync(SupportDb db) => db.Database.SqlQuery<string>(ListTablesSql).ToListAsync();
}
