namespace PrivacyEf.Kernel;

/// <summary>
/// One walk over a table in key order, batch by batch, run by <see cref="KeysetBatchRunner"/>: the retention purge,
/// re-encryption and the redaction of stored text each say what one batch does; the runner owns the loop, the
/// transaction of each batch, cancellation between batches and the position a stopped walk resumes from.
/// </summary>
/// <typeparam name="TKey">The key the walk is ordered by.</typeparam>
internal abstract class KeysetWalk<TKey>
{
    /// <summary>
    /// Looks, before the batch's transaction begins, for the rows of the batch after <paramref name="after"/>. A walk
    /// that finds them with a cheap read (re-encryption reads the next keys) opens no transaction once none is left.
    /// </summary>
    /// <param name="after">Where the batch starts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>False when the walk is complete; by default true, and <see cref="RunBatchAsync"/> finds out.</returns>
    public virtual Task<bool> FindBatchAsync(KeysetPosition<TKey> after, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Runs the batch after <paramref name="after"/>, inside the batch's transaction.</summary>
    /// <param name="after">Where the batch starts.</param>
    /// <param name="cancellationToken">Cancels the batch, which then rolls back.</param>
    /// <returns>What the batch did.</returns>
    public abstract Task<KeysetBatch<TKey>> RunBatchAsync(KeysetPosition<TKey> after, CancellationToken cancellationToken);

    /// <summary>Whether a batch that threw <paramref name="exception"/> (and was rolled back) can be recovered by <see cref="RecoverAsync"/>.</summary>
    /// <param name="exception">What the batch threw.</param>
    /// <param name="cancellationToken">The walk's token: a cancelled walk is never recovered.</param>
    /// <returns>True to recover; false lets the exception end the walk.</returns>
    public virtual bool CanRecover(Exception exception, CancellationToken cancellationToken) => false;

    /// <summary>Redoes a rolled-back batch another way (the purge: row by row, each row in its own transaction).</summary>
    /// <param name="after">Where the failed batch started.</param>
    /// <param name="cancellationToken">Cancels the recovery.</param>
    /// <returns>What the recovery did.</returns>
    public virtual Task<KeysetBatch<TKey>> RecoverAsync(KeysetPosition<TKey> after, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} does not recover failed batches.");

    /// <summary>Called after each committed (or recovered) batch: progress, pauses.</summary>
    /// <param name="batch">What the batch did.</param>
    /// <param name="recovered">Whether the batch was recovered after a failure.</param>
    /// <param name="cancellationToken">Cancels a pause.</param>
    /// <returns>A task that completes when the walk may go on.</returns>
    public virtual Task BatchDoneAsync(KeysetBatch<TKey> batch, bool recovered, CancellationToken cancellationToken) => Task.CompletedTask;
}
