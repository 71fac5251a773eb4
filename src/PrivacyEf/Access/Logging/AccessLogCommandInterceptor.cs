using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// Closes a query's disclosures when its data reader is disposed (the end of a query, or of one of a split query's
/// commands) and hands them to the access log writer, with the reading context's database as their destination. A
/// buffered query (<c>ToList</c>, <c>First</c>) disposes its reader before it returns, so in synchronous mode the
/// entries are committed before the results reach the caller, and a failure to write them fails the query.
/// </summary>
internal sealed class AccessLogCommandInterceptor(AccessRuntime access) : DbCommandInterceptor
{
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (access.IsLogging && eventData.Context is { } context && !AccessLogAppender.IsWriterContext(context))
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
        var records = taken.Select(t => new AccessLogRecord(
            sink,
            scope?.Actor ?? "(no scope)",
            scope?.Purpose ?? "(no scope)",
            scope?.Reason,
            t.Entity,
            t.Aggregate,
            now)).ToList();
        if (access.Writer.IsSynchronous && !WouldWaitForItself(context))
        {
            access.Writer.WriteNow(records);
            return;
        }

        foreach (var record in records)
        {
            access.Writer.Enqueue(record);
        }
    }

    /// <summary>
    /// Whether a synchronous write would wait for the reading context's own transaction: on SQLite an open transaction
    /// holds the file's one write lock until it ends. Those entries go to the background writer, which writes them as
    /// soon as the transaction lets go (the README lists this exception to synchronous durability).
    /// </summary>
    private bool WouldWaitForItself(DbContext context) =>
        context.Database.CurrentTransaction is not null && access.Dialects.Find(context) is { OneWriterAtATime: true };
}
