using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Dialects;

/// <summary>PostgreSQL (Npgsql.EntityFrameworkCore.PostgreSQL).</summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public string ProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public bool StoresDateTimeOffsetAsSortableText => false;

    public bool OneWriterAtATime => false;

    // PostgreSQL reclaims dead tuples with VACUUM, outside PrivacyEf (see the README).
    public string? SecureDeleteOnOpen => null;

    public string? FlushErasedPages => null;

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) ON CONFLICT ({columns[0]}) DO NOTHING";

    public string FirstRows(string orderedSelect, int rows) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderedSelect} LIMIT {rows}");

    // substr works on text and on bytea alike.
    public string Substring(string expression, int start, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"substr({expression}, {start}, {length})");

    public Task LockForTransactionAsync(DbContext context, DatabaseLock databaseLock, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({databaseLock.Key})"), cancellationToken);

    /// <summary>A session advisory lock, which the server releases when the connection ends.</summary>
    public async Task<IAsyncDisposable?> TryLockForSessionAsync(DbContext context, DatabaseLock databaseLock, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var acquired = await context.Database
            .SqlQueryRaw<bool>(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_try_advisory_lock({databaseLock.Key}) AS \"Value\""))
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (!acquired)
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            return null;
        }

        return new SessionLock(context, databaseLock);
    }

    private sealed class SessionLock(DbContext context, DatabaseLock databaseLock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await context.Database
                    .SqlQueryRaw<bool>(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({databaseLock.Key}) AS \"Value\""))
                    .SingleAsync().ConfigureAwait(false);
            }
            finally
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }
}
