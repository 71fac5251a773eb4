using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Kernel;

/// <summary>
/// Every statement whose SQL differs between database providers, behind one port: capabilities build their SQL
/// from these pieces and never name a provider. The implementations live in <c>Dialects/</c>, one file per
/// provider; a provider without one is refused up front by the features that need it (see
/// <see cref="SqlDialects.Require"/>), never with a syntax error from the database later.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The EF Core provider this dialect speaks for, as <c>DatabaseFacade.ProviderName</c> names it (the provider's assembly name).</summary>
    string ProviderName { get; }

    /// <summary>
    /// Whether a <c>DateTimeOffset</c> retention date must be stored as sortable UTC text: the provider's default
    /// storage does not compare as the instants do (SQLite stores text with its offset).
    /// </summary>
    bool StoresDateTimeOffsetAsSortableText { get; }

    /// <summary>
    /// Whether the database has one write lock that an open transaction holds (SQLite): then another connection of the
    /// same process cannot write until that transaction ends.
    /// </summary>
    bool OneWriterAtATime { get; }

    /// <summary>Run on every connection a PrivacyEf context opens, so deleted values do not linger in free pages; null when not needed.</summary>
    string? SecureDeleteOnOpen { get; }

    /// <summary>Run after an erasure outside any transaction, so the erased values leave the journal; null when not needed.</summary>
    string? FlushErasedPages { get; }

    /// <summary>
    /// Inserts one row unless a row with the same key exists. Concurrent inserts of one key (several application
    /// instances) leave one row and raise no error.
    /// </summary>
    /// <param name="table">The delimited table name.</param>
    /// <param name="columns">The delimited column names; the first is the key.</param>
    /// <param name="values">The value of each column (parameter placeholders).</param>
    /// <returns>The statement.</returns>
    string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values);

    /// <summary>The first <paramref name="rows"/> rows of a query that ends with its ORDER BY (a keyset page).</summary>
    /// <param name="orderedSelect">A SELECT that ends with ORDER BY.</param>
    /// <param name="rows">How many rows.</param>
    /// <returns>The statement.</returns>
    string FirstRows(string orderedSelect, int rows);

    /// <summary>The first characters (text) or bytes (binary) of an expression, from 1-based <paramref name="start"/>.</summary>
    /// <param name="expression">A column or expression of text or binary type.</param>
    /// <param name="start">The 1-based position of the first character or byte.</param>
    /// <param name="length">How many characters or bytes.</param>
    /// <returns>The SQL expression.</returns>
    string Substring(string expression, int start, int length);

    /// <summary>
    /// Takes <paramref name="databaseLock"/> until the current transaction ends, so work of every process on the database
    /// under this lock runs one at a time. On a provider whose transactions already serialize writers, a no-op.
    /// </summary>
    /// <param name="context">A context inside a transaction.</param>
    /// <param name="databaseLock">The lock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the lock is held.</returns>
    Task LockForTransactionAsync(DbContext context, DatabaseLock databaseLock, CancellationToken cancellationToken);

    /// <summary>
    /// Takes <paramref name="databaseLock"/> until the returned handle is disposed, or the process dies; never waits.
    /// </summary>
    /// <param name="context">The context whose database is locked; its connection stays open while the lock is held.</param>
    /// <param name="databaseLock">The lock.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The handle that releases the lock; null when another holder has it.</returns>
    Task<IAsyncDisposable?> TryLockForSessionAsync(DbContext context, DatabaseLock databaseLock, CancellationToken cancellationToken);
}
