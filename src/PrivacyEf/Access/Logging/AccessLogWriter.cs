using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// Writes access log entries in batches on a background task, off the path of the queries that disclosed the data.
/// One per application; <see cref="FlushAsync"/> waits until everything queued so far is written.
/// </summary>
internal sealed class AccessLogWriter(ILogger logger) : IDisposable
{
    private const int MaxBatch = 500;
    private const int MaxAttempts = 5;

    // Contexts this writer made: their own queries of the log table must not drain a reader's disclosures.
    private static readonly ConditionalWeakTable<DbContext, object> WriterContexts = [];

    private readonly Channel<object> queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();
    private Task? loop;
    private Exception? unreportedFailure;

    public static bool IsWriterContext(DbContext context) => WriterContexts.TryGetValue(context, out _);

    public void Enqueue(AccessLogRecord record)
    {
        EnsureStarted();
        queue.Writer.TryWrite(record);
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EnsureStarted();
        if (!queue.Writer.TryWrite(request))
        {
            return Task.CompletedTask;
        }

        return request.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A new context on the sink's database, which the writer owns.</summary>
    public static DbContext CreateContext(AccessLogSink sink)
    {
        DbContext context;
        try
        {
            context = (DbContext)Activator.CreateInstance(sink.ContextType, sink.Options)!;
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException(
                $"PrivacyEf writes the access log through a new {sink.ContextType.Name} made with the reading context's options; give {sink.ContextType.Name} a public constructor that takes DbContextOptions<{sink.ContextType.Name}>.",
                exception);
        }

        WriterContexts.AddOrUpdate(context, sink);
        return context;
    }

    /// <summary>Appends entries to the chain of the context's database, inside the caller's transaction.</summary>
    public static async Task AppendAsync(DbContext context, IReadOnlyList<PrivacyAccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var head = await context.Set<PrivacyAccessLogEntry>()
            .AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AccessLogChain.GenesisHash;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AccessLogChain.ComputeHash(entry);
            previous = entry.Hash;
            context.Add(entry);
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        Task? running;
        lock (gate)
        {
            running = loop;
        }

        // Give queued entries a moment to reach the database; a host that must not lose any flushes first.
        running?.Wait(TimeSpan.FromSeconds(5));
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
            var flushes = new List<TaskCompletionSource>();
            while (records.Count < MaxBatch && reader.TryRead(out var item))
            {
                if (item is AccessLogRecord record)
                {
                    records.Add(record);
                }
                else
                {
                    flushes.Add((TaskCompletionSource)item);
                    break;
                }
            }

            foreach (var batch in records.GroupBy(r => r.Sink))
            {
                try
                {
                    await WriteAsync(batch.Key, batch.ToList()).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Whatever a write throws, the writer must live on: a dead loop would lose every later entry and hang every flush.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    AccessLogMessages.AccessLogWriteFailed(logger, exception, batch.Count());
                    unreportedFailure = exception;
                }
            }

            foreach (var flush in flushes)
            {
                if (Interlocked.Exchange(ref unreportedFailure, null) is { } failure)
                {
                    flush.SetException(new InvalidOperationException("PrivacyEf could not write access log entries; see the inner exception.", failure));
                }
                else
                {
                    flush.SetResult();
                }
            }
        }
    }

    private static async Task WriteAsync(AccessLogSink sink, IReadOnlyList<AccessLogRecord> records)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entries = records.Select(r => new PrivacyAccessLogEntry
            {
                OccurredAt = r.OccurredAt,
                Actor = r.Actor,
                Purpose = r.Purpose,
                Reason = r.Reason,
                Entity = r.Entity,
                Properties = string.Join(',', r.Disclosed.Properties),
                SubjectIds = string.Join(',', r.Disclosed.Subjects),
                RowCount = r.Disclosed.RowCount,
            }).ToList();
            var context = CreateContext(sink);
            await using (context.ConfigureAwait(false))
            {
                try
                {
                    var transaction = await context.Database.BeginTransactionAsync().ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        await AppendAsync(context, entries, CancellationToken.None).ConfigureAwait(false);
                        await transaction.CommitAsync().ConfigureAwait(false);
                        return;
                    }
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another writer (another instance of the application) took the same sequence: read the head again.
                }
            }
        }
    }
}
