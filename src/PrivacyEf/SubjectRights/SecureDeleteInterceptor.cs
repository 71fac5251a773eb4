using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Kernel;

namespace PrivacyEf.SubjectRights;

/// <summary>
/// Runs the dialect's secure-delete statement on every connection a PrivacyEf context opens (SQLite's
/// <c>secure_delete</c>), so deleted and overwritten values are zeroed in the database file instead of lingering
/// in free pages: an erased subject must not be recoverable from the file. Providers whose dialect has no such
/// statement are left alone (PostgreSQL reclaims dead tuples with VACUUM; see the README).
/// </summary>
internal sealed class SecureDeleteInterceptor(SqlDialects dialects) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Statement(eventData) is { } statement)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Statement(eventData) is { } statement)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private string? Statement(ConnectionEndEventData eventData) =>
        eventData.Context is { } context ? dialects.Find(context)?.SecureDeleteOnOpen : null;
}
