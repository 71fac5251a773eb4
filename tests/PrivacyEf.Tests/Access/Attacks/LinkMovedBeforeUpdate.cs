using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Runs <paramref name="concurrentWrite"/> once, just before the first UPDATE the intercepted context sends: another
/// request's write landing between PrivacyEf's ownership check (a SELECT) and the save's UPDATE.
/// </summary>
internal sealed class LinkMovedBeforeUpdate(Func<Task> concurrentWrite) : DbCommandInterceptor
{
    private int fired;

    public bool Fired => fired == 1;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        FireIfUpdate(command).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await FireIfUpdate(command);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        FireIfUpdate(command).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await FireIfUpdate(command);
        return result;
    }

    private async Task FireIfUpdate(DbCommand command)
    {
        if (command.CommandText.Contains("UPDATE", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref fired, 1) == 0)
        {
            await concurrentWrite();
        }
    }
}
