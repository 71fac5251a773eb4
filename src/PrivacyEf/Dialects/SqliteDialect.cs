using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Dialects;

/// <summary>SQLite (Microsoft.EntityFrameworkCore.Sqlite).</summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public string ProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    // EF stores a DateTimeOffset as text with its offset, which does not sort as the instants do.
    public bool StoresDateTimeOffsetAsSortableText => true;

    // EF begins SQLite transactions with BEGIN IMMEDIATE, which takes the file's one write lock at once.
    public bool OneWriterAtATime => true;

    // Deleted and overwritten values are zeroed in the file instead of lingering in free pages: an erased subject
    // must not be recoverable from the database file.
    public string? SecureDeleteOnOpen => "PRAGMA secure_delete = ON";

    // EF creates SQLite databases in WAL mode: until a checkpoint, the database file still holds the erased rows and
    // the WAL file their overwritten pages. TRUNCATE writes the erasure into the file (where secure_delete zeroes
    // what it frees) and empties the WAL.
    public string? FlushErasedPages => "PRAGMA wal_checkpoint(TRUNCATE)";

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) ON CONFLICT ({columns[0]}) DO NOTHING";

    public string FirstRows(string orderedSelect, int rows) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderedSelect} LIMIT {rows}");

    public string Substring(string expression, int start, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"substr({expression}, {start}, {length})");

    // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, which takes the database's one write lock
    // until the transaction ends: writers are already serialized.
    public Task LockForTransactionAsync(DbContext context, DatabaseLock databaseLock, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A lock file beside the database, which the operating system releases when the process dies.</summary>
    public Task<IAsyncDisposable?> TryLockForSessionAsync(DbContext context, DatabaseLock databaseLock, CancellationToken cancellationToken)
    {
        var file = context.Database.GetDbConnection().DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file::memory:", StringComparison.Ordinal))
        {
            // An in-memory database lives in one process: nobody else can share it.
            return Task.FromResult<IAsyncDisposable?>(new Unlocked());
        }

        try
        {
            var stream = new FileStream($"{file}.{databaseLock.Name}-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IAsyncDisposable?>(stream);
        }
        catch (IOException)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }

    private sealed class Unlocked : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
