using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Retention;

/// <summary>
/// The locks that keep purges of one database from stepping on each other across processes. Every batch runs
/// under a lock held until its transaction ends, so concurrent purgers never pick the same rows. A whole run can
/// also take the run lock, which the operating system or the server releases when the process dies. How each is
/// taken is the dialect's business (PostgreSQL: advisory locks; SQLite: its write lock and a lock file).
/// </summary>
internal static class RetentionLocks
{
    // "PrivPurg" and "PrivBtch" as 64-bit integers: fixed, so every instance of every application agrees.
    public static readonly DatabaseLock Run = new("purge", 0x5072_6976_5075_7267);
    public static readonly DatabaseLock Batch = new("purge-batch", 0x5072_6976_4274_6368);

    /// <summary>What the purge needs from a SQL dialect, for the message that refuses a provider without one.</summary>
    public const string DialectNeeds = "a lock that serializes purge batches across processes and a purge run lock (PostgreSQL: pg_advisory_xact_lock, pg_try_advisory_lock)";

    public static Task LockBatchAsync(ISqlDialect dialect, DbContext context, CancellationToken cancellationToken) =>
        dialect.LockForTransactionAsync(context, Batch, cancellationToken);

    /// <summary>Takes the run lock; null when another purger holds it.</summary>
    public static Task<IAsyncDisposable?> TryAcquireRunLockAsync(ISqlDialect dialect, DbContext context, CancellationToken cancellationToken) =>
        dialect.TryLockForSessionAsync(context, Run, cancellationToken);
}
