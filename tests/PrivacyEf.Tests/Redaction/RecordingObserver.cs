using System.Collections.Concurrent;

namespace PrivacyEf.Tests.Redaction;

public sealed class RecordingObserver : IRedactionObserver
{
    public ConcurrentQueue<RedactionEvent> Events { get; } = new();

    public void OnRedacted(RedactionEvent redaction) => Events.Enqueue(redaction);
}
