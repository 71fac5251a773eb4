using Microsoft.Extensions.Logging;

namespace PrivacyEf.Access.Logging;

/// <summary>The access log's own log messages. They carry counts, never personal values.</summary>
internal static partial class AccessLogMessages
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "PrivacyEf lost {Count} access log entries: they could not be written ({Reason}). The log misses these disclosures; the next FlushAccessLogAsync fails.")]
    public static partial void EntriesLost(ILogger logger, Exception exception, int count, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "PrivacyEf could not write {Count} access log entries synchronously ({Reason}); the query that disclosed them fails.")]
    public static partial void SynchronousWriteFailed(ILogger logger, Exception exception, int count, string reason);
}
