using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Encryption;

namespace PrivacyEf.Infrastructure;

/// <summary>Notes each database a context opens, so a key missing at read time can be looked up there.</summary>
internal sealed class KeySourceInterceptor(DataKeyRing keyRing) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            keyRing.RegisterSource(context);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
