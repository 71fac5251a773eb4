using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Tests.Commands;

/// <summary>Presses Ctrl+C, in effect, right after the first transaction commits once armed: a run stopped mid-way.</summary>
public sealed class CancelOnCommit : DbTransactionInterceptor
{
    public CancellationTokenSource Cancellation { get; } = new();

    public bool Armed { get; set; }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Armed)
        {
            Cancellation.Cancel();
        }

        return Task.CompletedTask;
    }
}
