using Microsoft.Extensions.Logging;

namespace PrivacyEf.Redaction;

/// <summary>Redaction's log messages. They carry counts and names, never the redacted text.</summary>
internal static partial class RedactionLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "PrivacyEf redacted {FindingCount} finding(s) in {EntityType}.{Property} ({Source}): {FindingCounts}.")]
    public static partial void TextRedacted(ILogger logger, int findingCount, string entityType, string property, RedactionSource source, string findingCounts);
}
