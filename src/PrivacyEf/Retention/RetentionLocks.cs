using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Retention;

/// <summary>
/// The locks that keep purges of one database from stepping on each other across processes. Every batch runs
/// under a lock held until its transaction ends (PostgreSQL: a transaction advisory lock; SQLite: the write
/// lock <c>BEGIN IMMEDIATE</c> takes), so concurrent purgers never pick the same rows. A whole run can also
/// take the run lock (PostgreSQL: a session advisory lock; SQLite: a lock file beside the database), which the
/// operating system or the server releases when the process dies.
/// </summary>
internal static class RetentionLocks
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    // "PrivPurg" and "PrivBtch" as 64-bit integers: fixed, so every instance of every application agrees.
    private const long RunLockKey = 0x5072_6976_5075_7267;
    private const long BatchLockKey = 0x5072_6976_4274_6368;

    public static Task LockBatchAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.ProviderName == Npgsql
            ? context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({BatchLockKey})", cancellationToken)
            : Task.CompletedTask;

    /// <summary>Takes the run lock; null when another purger holds it.</summary>
    public static async Task<IAsyncDisposable?> TryAcquireRunLockAsync(DbContext context, CancellationToken cancellationToken)
    {
        switch (context.Database.ProviderName)
        {
            case Npgsql:
                await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var acquired = await context.Database
                    .SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock({RunLockKey}) AS \"Value\"")
                    .SingleAsync(cancellationToken).ConfigureAwait(false);
                if (!acquired)
                {
                    await context.Database.CloseConnectionAsync().ConfigureAwait(false);
                    return null;
                }

                return new PostgresRunLock(context);

            case Sqlite:
                var file = context.Database.GetDbConnection().DataSource;
                if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file::memory:", StringComparison.Ordinal))
                {
                    return NoLock.Instance;
                }

                try
                {
                    return new FileRunLock(new FileStream(file + ".purge-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    return null;
                }

            default:
                return NoLock.Instance;
        }
    }

    private sealed class PostgresRunLock(DbContext context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await context.Database.SqlQueryRaw<bool>($"SELECT pg_advisory_unlock({RunLockKey}) AS \"Value\"").SingleAsync().ConfigureAwait(false);
            }
            finally
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class FileRunLock(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
