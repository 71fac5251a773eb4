using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyEf.Benchmarks.Retention;

/// <summary>One benchmark database and the application on it; seeds with set-based SQL so seeding stays cheap.</summary>
public sealed class PurgeApp(ServiceProvider services, bool isPostgres) : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public PurgeDb NewContext() => services.GetRequiredService<IDbContextFactory<PurgeDb>>().CreateDbContext();

    public Task SeedSessionsAsync(int rows) => ExecuteAsync(isPostgres
        ? $"""INSERT INTO "Sessions" ("Id", "IpAddress", "StartedAt") SELECT i, '203.0.113.' || (i % 250), timestamptz '2026-01-01 00:00:00+00' FROM generate_series(1, {rows}) AS i"""
        : $"""WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {rows}) INSERT INTO "Sessions" ("Id", "IpAddress", "StartedAt") SELECT i, '203.0.113.' || (i % 250), '2026-01-01 00:00:00' FROM s""");

    public Task SeedTicketsAsync(int rows) => ExecuteAsync(isPostgres
        ? $"""INSERT INTO "Tickets" ("Id", "Email", "Body", "ClosedAt") SELECT i, 'user' || i || '@example.org', 'My order ' || i || ' never arrived.', timestamptz '2026-01-01 00:00:00+00' FROM generate_series(1, {rows}) AS i"""
        : $"""WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {rows}) INSERT INTO "Tickets" ("Id", "Email", "Body", "ClosedAt") SELECT i, 'user' || i || '@example.org', 'My order ' || i || ' never arrived.', '2026-01-01 00:00:00' FROM s""");

    /// <summary>The hand-written baseline: batched statements by key, one transaction per batch, until none is left.</summary>
    public async Task<long> HandWrittenBatchesAsync(string sql, int batchSize)
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        long total = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            Add(command, "@cutoff", Now.AddDays(-7));
            Add(command, "@batch", batchSize);
            if (sql.Contains("@now", StringComparison.Ordinal))
            {
                Add(command, "@now", new DateTimeOffset(Now));
            }

            var affected = await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            total += affected;
            if (affected == 0)
            {
                return total;
            }
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = NewContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
