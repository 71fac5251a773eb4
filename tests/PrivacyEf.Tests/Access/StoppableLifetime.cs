using Microsoft.Extensions.Hosting;

namespace PrivacyEf.Tests.Access;

/// <summary>A host's lifetime the test stops by hand: what a generic host registers.</summary>
internal sealed class StoppableLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource started = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource stopped = new();

    public CancellationToken ApplicationStarted => started.Token;

    public CancellationToken ApplicationStopping => stopping.Token;

    public CancellationToken ApplicationStopped => stopped.Token;

    public void StopApplication() => stopping.Cancel();

    public void Dispose()
    {
        started.Dispose();
        stopping.Dispose();
        stopped.Dispose();
    }
}
