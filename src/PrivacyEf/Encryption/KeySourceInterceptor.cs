using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Encryption;

/// <summary>
/// Notes each database a context talks to, so a key missing at read time can be looked up there. Commands
/// are noted as they are created, before EF binds parameters (a lookup's blind index is computed then).
/// </summary>
internal sealed class KeySourceInterceptor(DataKeyRing keyRing) : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            keyRing.RegisterSource(context);
        }
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
    {
        if (eventData.Context is { } context)
        {
            keyRing.RegisterSource(context);
        }

        return result;
    }
}
