using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyEf.Retention;

/// <summary>
/// Runs <c>PurgeExpiredAsync</c> on <typeparamref name="TContext"/> once a day, on the application's
/// <see cref="TimeProvider"/>. A failed run is logged and the next one runs as scheduled; the purge lock keeps
/// several instances of the application from purging one database at once.
/// </summary>
/// <typeparam name="TContext">The context whose database is purged.</typeparam>
internal sealed class PrivacyRetentionService<TContext>(
    IServiceScopeFactory scopes,
    IOptionsMonitor<PrivacyRetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<PrivacyRetentionService<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly string ContextName = typeof(TContext).Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.Get(ContextName);
            var now = timeProvider.GetUtcNow();
            var next = settings.NextRunAfter(now);
            RetentionLog.NextRunScheduled(logger, ContextName, next);
            try
            {
                await Task.Delay(next - now, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunOnceAsync(settings, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(PrivacyRetentionOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var factory = scope.ServiceProvider.GetService<IDbContextFactory<TContext>>();
                var context = factory is not null
                    ? await factory.CreateDbContextAsync(stoppingToken).ConfigureAwait(false)
                    : scope.ServiceProvider.GetRequiredService<TContext>();
                try
                {
                    using (Privacy.System(reason: "scheduled retention purge"))
                    {
                        var report = await context.PurgeExpiredAsync(
                            new PurgeOptions { BatchSize = settings.BatchSize, TimeProvider = timeProvider },
                            stoppingToken).ConfigureAwait(false);
                        settings.OnCompleted?.Invoke(report);
                    }
                }
                finally
                {
                    if (factory is not null)
                    {
                        await context.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the current batch rolled back, the next run finishes the job.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RetentionLog.ScheduledPurgeFailed(logger, ex, ContextName);
        }
    }
}
