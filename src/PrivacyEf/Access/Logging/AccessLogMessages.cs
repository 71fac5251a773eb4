using Microsoft.Extensions.Logging;

namespace PrivacyEf.Access.Logging;

/// <summary>The access log's own log messages. They carry counts, never personal values.</summary>
internal static partial class AccessLogMessages
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "PrivacyEf could not write {Count} access log entries.")]
    public static partial void AccessLogWriteFailed(ILogger logger, Exception exception, int count);
}
