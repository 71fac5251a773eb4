using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// Closes a query's disclosures when its data reader is disposed (the end of a query, or of one of a split query's
/// commands) and hands them to the access log writer, with the reading context's database as their destination.
/// </summary>
internal sealed class AccessLogCommandInterceptor(AccessRuntime access) : DbCommandInterceptor
{
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (access.IsLogging && eventData.Context is { } context && !AccessLogWriter.IsWriterContext(context))
        {
            Drain(context);
        }

        return result;
    }

    private void Drain(DbContext context)
    {
        var scope = Privacy.Current;
        var taken = access.DisclosuresOf(scope).Drain(access);
        if (taken is null)
        {
            return;
        }

        var sink = new AccessLogSink(context.GetType(), context.Database.GetConnectionString(), context.GetService<IDbContextOptions>());
        var now = AccessLogChain.Normalize(access.TimeProvider.GetUtcNow());
        foreach (var (entity, aggregate) in taken)
        {
            access.Writer.Enqueue(new AccessLogRecord(
                sink,
                scope?.Actor ?? "(no scope)",
                scope?.Purpose ?? "(no scope)",
                scope?.Reason,
                entity,
                aggregate,
                now));
        }
    }
}
