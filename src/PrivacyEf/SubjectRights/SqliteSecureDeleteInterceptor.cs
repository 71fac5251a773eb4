using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.SubjectRights;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection a PrivacyEf context opens, so deleted and
/// overwritten values are zeroed in the database file instead of lingering in free pages: an erased
/// subject must not be recoverable from the file. Other providers are left alone (PostgreSQL reclaims
/// dead tuples with VACUUM; see the README).
/// </summary>
internal sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSqlite(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA secure_delete = ON";
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSqlite(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA secure_delete = ON";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // By name: the runtime does not depend on the SQLite provider.
    private static bool IsSqlite(DbConnection connection) =>
        string.Equals(connection.GetType().FullName, "Microsoft.Data.Sqlite.SqliteConnection", StringComparison.Ordinal);
}
