using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// Writes one application's access log entries. Asynchronous durability: a background task writes them in batches
/// from a bounded queue, off the path of the queries that disclosed the data; a query that finds the queue full waits
/// for room. Synchronous durability: <see cref="WriteNow"/> writes a query's entries before the query returns.
/// Either way, an entry that cannot be written is never dropped quietly: it is counted on the
/// <c>privacyef.access_log.entries_lost</c> counter, logged as an error and, in asynchronous mode, reported by the
/// next <see cref="FlushAsync"/>; in synchronous mode the query fails.
/// </summary>
internal sealed class AccessLogWriter : IDisposable
{
    private const int LargestBatch = 500;

    /// <summary>How long stopping the application waits for queued entries to be written.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    private readonly ILogger logger;
    private readonly AccessOptions options;
    private readonly AccessLogAppender appender;
    private readonly Channel<object> queue;
    private readonly int largestBatch;
    private readonly Lock gate = new();
    private Task? loop;
    private long lostSinceFlush;
    private Exception? lastFailure;

    public AccessLogWriter(ILogger logger, AccessOptions options, SqlDialects dialects)
    {
        this.logger = logger;
        this.options = options;
        appender = new AccessLogAppender(dialects);
        largestBatch = Math.Min(LargestBatch, options.AccessLogQueueCapacity);
        queue = Channel.CreateBounded<object>(new BoundedChannelOptions(options.AccessLogQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool IsSynchronous => options.AccessLogDurability == AccessLogDurability.Synchronous;

    /// <summary>Queues an entry for the background writer, waiting for room while the queue is full.</summary>
    public void Enqueue(AccessLogRecord record)
    {
        EnsureStarted();
        if (queue.Writer.TryWrite(record))
        {
            return;
        }

        try
        {
            // Full: the reader waits for the writer (backpressure) rather than losing the entry. This runs where EF
            // disposes a data reader, which has no asynchronous variant, so the wait blocks.
            queue.Writer.WriteAsync(record).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException exception)
        {
            Lose(1, record.Sink.ContextType.Name, new InvalidOperationException("The access log writer had already stopped (the application is shutting down) when the entry was queued.", exception));
        }
    }

    /// <summary>
    /// Writes a query's entries now, before the query returns, retrying what may pass. Throws when they cannot be
    /// written, which fails the query: its results never reach the caller without their entries.
    /// </summary>
    public void WriteNow(IReadOnlyList<AccessLogRecord> records)
    {
        foreach (var batch in records.GroupBy(r => r.Sink))
        {
            var entries = batch.ToList();
            try
            {
                // On a pool thread without the caller's context: EF calls this synchronously, and the write must not
                // run inside the reader's access scope.
                using (ExecutionContext.SuppressFlow())
                {
                    Task.Run(() => appender.WriteAsync(batch.Key, entries, CancellationToken.None)).GetAwaiter().GetResult();
                }
            }
            catch (Exception exception)
            {
                AccessLogMessages.SynchronousWriteFailed(logger, exception, entries.Count, exception.Message);
                throw new InvalidOperationException(
                    $"PrivacyEf could not write the {entries.Count} access log entries of this query, and access log durability is Synchronous, so the query fails instead of returning data whose disclosure is not logged. See the inner exception.",
                    exception);
            }
        }
    }

    /// <summary>Waits until everything queued before the call is written; fails if any entry was lost since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EnsureStarted();
        try
        {
            await queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Stopped: everything queued has been written or counted as lost.
            ThrowIfLost();
            return;
        }

        await request.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what is queued when the host starts to stop; waits at most <see cref="StopWait"/>.</summary>
    public void FlushForShutdown()
    {
        try
        {
            FlushAsync(CancellationToken.None).Wait(StopWait);
        }
        catch (AggregateException)
        {
            // Lost entries were counted and logged when they were lost.
        }
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        Task? running;
        lock (gate)
        {
            running = loop;
        }

        if (running is not null && !running.Wait(StopWait))
        {
            var left = queue.Reader.Count;
            if (left > 0)
            {
                Lose(left, AccessLogTelemetry.UnknownContext, new TimeoutException($"The access log writer did not finish writing within {StopWait.TotalSeconds:0} s of the application stopping."));
            }
        }
    }

    private void Lose(int count, string contextType, Exception reason)
    {
        AccessLogTelemetry.EntriesLost.Add(count, new KeyValuePair<string, object?>(AccessLogTelemetry.ContextTag, contextType));
        AccessLogMessages.EntriesLost(logger, reason, count, reason.Message);
        lock (gate)
        {
            lostSinceFlush += count;
            lastFailure = reason;
        }
    }

    private void ThrowIfLost()
    {
        long lost;
        Exception? failure;
        lock (gate)
        {
            (lost, failure, lostSinceFlush, lastFailure) = (lostSinceFlush, lastFailure, 0, null);
        }

        if (lost > 0)
        {
            throw new InvalidOperationException(
                $"PrivacyEf could not write {lost} access log entries since the last flush; they are missing from the log. The inner exception is the last failure.",
                failure);
        }
    }

    private void EnsureStarted()
    {
        if (loop is not null)
        {
            return;
        }

        lock (gate)
        {
            if (loop is null)
            {
                // Without the caller's execution context: the writer must not run inside the reader's access scope.
                using (ExecutionContext.SuppressFlow())
                {
                    loop = Task.Run(RunAsync);
                }
            }
        }
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var records = new List<AccessLogRecord>();
            TaskCompletionSource? flush = null;
            while (records.Count < largestBatch && reader.TryRead(out var item))
            {
                if (item is AccessLogRecord record)
                {
                    records.Add(record);
                }
                else
                {
                    flush = (TaskCompletionSource)item;
                    break;
                }
            }

            foreach (var batch in records.GroupBy(r => r.Sink))
            {
                var entries = batch.ToList();
                try
                {
                    await appender.WriteAsync(batch.Key, entries, CancellationToken.None).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Whatever a write throws, the writer must live on: a dead loop would lose every later entry and hang every flush.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Lose(entries.Count, batch.Key.ContextType.Name, exception);
                }
            }

            if (flush is not null)
            {
                try
                {
                    ThrowIfLost();
                    flush.SetResult();
                }
                catch (InvalidOperationException exception)
                {
                    flush.SetException(exception);
                }
            }
        }
    }
}
