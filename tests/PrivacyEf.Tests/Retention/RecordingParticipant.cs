using Microsoft.EntityFrameworkCore;
using PrivacyEf;

namespace PrivacyEf.Tests.Retention;

/// <summary>A retention participant that records the requests it gets and reports a fixed count.</summary>
internal sealed class RecordingParticipant : IRetentionParticipant
{
    public List<RetentionRequest> Requests { get; } = [];

    public Type EntityType => typeof(RecordingParticipant);

    public Task<PurgeEntityReport> PurgeAsync(DbContext context, RetentionRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var cutoff = request.Now.AddDays(-90);
        return Task.FromResult(new PurgeEntityReport("AccessLog", RetentionAction.Delete, cutoff, request.DryRun ? 0 : 42, 0, 1, TimeSpan.Zero, []));
    }
}
