using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Kernel;

/// <summary>
/// The one keyset batch runner: the retention purge, re-encryption and the redaction of stored text all walk their
/// tables through it. Each batch runs in a transaction of its own (or in the caller's, when one is open), so a walk
/// stopped anywhere leaves every row either untouched or fully processed, and starting again from the last position
/// finishes the job. Cancellation is checked between batches; a batch cancelled midway rolls back.
/// </summary>
internal static class KeysetBatchRunner
{
    /// <summary>Walks from <paramref name="start"/> until a batch says it was the last.</summary>
    /// <typeparam name="TKey">The key the walk is ordered by.</typeparam>
    /// <param name="context">The context whose database is walked.</param>
    /// <param name="walk">What each batch does.</param>
    /// <param name="start">Where to start: the beginning, or the position a stopped walk reached.</param>
    /// <param name="cancellationToken">Stops the walk between batches (or rolls the current one back).</param>
    /// <returns>The position after the last batch.</returns>
    public static async Task<KeysetPosition<TKey>> RunAsync<TKey>(DbContext context, KeysetWalk<TKey> walk, KeysetPosition<TKey> start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(walk);
        var position = start;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await walk.FindBatchAsync(position, cancellationToken).ConfigureAwait(false))
            {
                return position;
            }

            KeysetBatch<TKey> batch;
            var recovered = false;
            try
            {
                var from = position;
                batch = await InTransactionAsync(context, token => walk.RunBatchAsync(from, token), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (walk.CanRecover(exception, cancellationToken))
            {
                batch = await walk.RecoverAsync(position, cancellationToken).ConfigureAwait(false);
                recovered = true;
            }

            position = batch.Next;
            await walk.BatchDoneAsync(batch, recovered, cancellationToken).ConfigureAwait(false);
            if (batch.IsLast)
            {
                return position;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, committed when it returns and rolled back when it
    /// throws; inside the caller's transaction when one is open, and without one on a store that has none (EF InMemory).
    /// </summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="context">The context.</param>
    /// <param name="work">The work.</param>
    /// <param name="cancellationToken">Cancels the work and the commit.</param>
    /// <returns>What the work returned.</returns>
    public static async Task<T> InTransactionAsync<T>(DbContext context, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var transaction = context.Database.IsRelational() && context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var result = await work(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
