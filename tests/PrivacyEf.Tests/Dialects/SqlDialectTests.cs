using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Kernel;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Dialects;

/// <summary>
/// Each SQL dialect's statements, run on its own database: what PrivacyEf builds from them (key rows, keyset pages,
/// envelope headers, purge locks) is only as right as these pieces.
/// </summary>
public abstract class SqlDialectTests(DatabaseTarget target, string binaryType) : IDisposable
{
    private PrivacyApp? created;

    [SkippableFact]
    public async Task The_dialect_is_the_one_of_the_provider_EF_reports()
    {
        await using var db = await App.CreateDatabaseAsync();

        Assert.Equal(db.Database.ProviderName, Dialect(db).ProviderName);
    }

    [SkippableFact]
    public async Task Insert_if_absent_inserts_a_key_once_and_leaves_the_first_row()
    {
        await using var db = await ProbeAsync();
        var dialect = Dialect(db);

        await db.Database.ExecuteSqlRawAsync(dialect.InsertIfAbsent("probe", ["id", "name"], ["'k'", "'first'"]));
        await db.Database.ExecuteSqlRawAsync(dialect.InsertIfAbsent("probe", ["id", "name"], ["'k'", "'second'"]));

        Assert.Equal(["first"], await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM probe").ToListAsync());
    }

    [SkippableFact]
    public async Task First_rows_is_the_next_keyset_page()
    {
        await using var db = await ProbeAsync();
        foreach (var id in new[] { "e", "a", "d", "b", "c" })
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO probe (id, name) VALUES ({id}, 'n')");
        }

        var page = await db.Database.SqlQueryRaw<string>(Dialect(db).FirstRows("SELECT id AS \"Value\" FROM probe WHERE id > 'a' ORDER BY id", 2)).ToListAsync();

        Assert.Equal(["b", "c"], page);
    }

    [SkippableFact]
    public async Task Substring_reads_the_head_of_text_and_of_binary_values()
    {
        await using var db = await ProbeAsync();
        var dialect = Dialect(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO probe (id, name, data) VALUES ('k', 'envelope', {sql.GenerateParameterNamePlaceholder("d")})";
            Add(insert, sql.GenerateParameterName("d"), new byte[] { 1, 2, 3, 4 });
            await insert.ExecuteNonQueryAsync();
        }

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM probe WHERE {dialect.Substring("name", 1, 3)} = 'env' AND {dialect.Substring("data", 2, 2)} = {sql.GenerateParameterNamePlaceholder("h")}";
        Add(count, sql.GenerateParameterName("h"), new byte[] { 2, 3 });

        Assert.Equal(1L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task The_session_lock_has_one_holder_at_a_time_and_is_free_again_when_released()
    {
        await using var db = await App.CreateDatabaseAsync();
        await using var other = App.NewContext();
        var probeLock = new DatabaseLock("dialect-probe", 0x5072_6976_5465_7374);

        var held = await Dialect(db).TryLockForSessionAsync(db, probeLock, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await Dialect(other).TryLockForSessionAsync(other, probeLock, CancellationToken.None));

        await held.DisposeAsync();
        var again = await Dialect(other).TryLockForSessionAsync(other, probeLock, CancellationToken.None);
        Assert.NotNull(again);
        await again.DisposeAsync();
    }

    [SkippableFact]
    public async Task The_transaction_lock_runs_inside_a_transaction()
    {
        await using var db = await App.CreateDatabaseAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await Dialect(db).LockForTransactionAsync(db, new DatabaseLock("dialect-probe", 42), CancellationToken.None);
        await transaction.CommitAsync();
    }

    [SkippableFact]
    public async Task The_secure_delete_and_flush_statements_run()
    {
        await using var db = await App.CreateDatabaseAsync();
        var dialect = Dialect(db);

        foreach (var statement in new[] { dialect.SecureDeleteOnOpen, dialect.FlushErasedPages }.OfType<string>())
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }

    // Created by the test, so a missing PostgreSQL cluster skips it instead of failing the constructor.
    private PrivacyApp App => created ??= PrivacyApp.Create(target);

    public void Dispose() => created?.Dispose();

    private static ISqlDialect Dialect(DbContext db) => PrivacyKernel.Of(db).Get<SqlDialects>().Require(db, "the test", "everything");

    private async Task<TestDbContext> ProbeAsync()
    {
        var db = await App.CreateDatabaseAsync();
        var create = "CREATE TABLE probe (id varchar(32) PRIMARY KEY, name varchar(32) NOT NULL, data " + binaryType + " NULL)";
        await db.Database.ExecuteSqlRawAsync(create);
        return db;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
