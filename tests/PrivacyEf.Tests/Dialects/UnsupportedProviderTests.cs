using Microsoft.EntityFrameworkCore;
using PrivacyEf.Dialects;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Dialects;

/// <summary>
/// A provider PrivacyEf has no SQL dialect for: the features that run provider-specific SQL are refused before any of
/// it runs, with a message naming the feature and what the provider lacks; the rest keeps working. SQLite stands in for
/// such a provider here, with only the PostgreSQL dialect registered.
/// </summary>
public sealed class UnsupportedProviderTests : IDisposable
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private readonly SqliteTarget target = new();
    private readonly PrivacyApp app;

    public UnsupportedProviderTests() => app = PrivacyApp.Create(target, configure: o => o.SqlDialects = [new PostgresDialect()]);

    [Fact]
    public async Task Encryption_and_blind_index_rotation_work_through_the_change_tracker()
    {
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        await using var read = app.NewContext();
        Assert.Equal("ada@example.com", (await read.Customers.SingleAsync(c => c.Email == "ada@example.com")).Email);
        Assert.Equal(2, (await read.RotateBlindIndexKeyAsync()).Generation);
    }

    [Fact]
    public async Task Reencryption_is_refused_before_any_SQL_runs_naming_what_the_provider_lacks()
    {
        await using var db = await SeededAsync();
        app.Sql.Clear();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ReencryptAsync());

        Assert.StartsWith($"ReencryptAsync needs a SQL dialect for the provider {Sqlite}, and PrivacyEf has none: it needs keyset paging", refused.Message, StringComparison.Ordinal);
        Assert.Contains("substring", refused.Message, StringComparison.Ordinal);
        Assert.Empty(app.Sql.Commands);
    }

    [Fact]
    public async Task Key_retirement_is_refused_naming_what_the_provider_lacks()
    {
        await using var db = await SeededAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.RetireDataKeyAsync(Guid.NewGuid()));

        Assert.StartsWith($"RetireDataKeyAsync needs a SQL dialect for the provider {Sqlite}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_purge_is_refused_naming_the_locks_the_provider_lacks()
    {
        await using var db = await SeededAsync();
        app.Sql.Clear();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.PurgeExpiredAsync());

        Assert.StartsWith($"PurgeExpiredAsync needs a SQL dialect for the provider {Sqlite}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("purge run lock", refused.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresProvider, refused.Message, StringComparison.Ordinal);
        Assert.Empty(app.Sql.Commands);
    }

    [Fact]
    public async Task A_non_relational_provider_is_told_so()
    {
        using var inMemory = PrivacyApp.Create(new InMemoryTarget());
        await using var db = await inMemory.CreateDatabaseAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ReencryptAsync());

        Assert.Contains("Microsoft.EntityFrameworkCore.InMemory is not a relational database", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        app.Dispose();
        target.Dispose();
    }

    private async Task<TestDbContext> SeededAsync()
    {
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        return app.NewContext();
    }
}
