using Microsoft.Extensions.Logging;

namespace PrivacyEf.Diagnostics;

/// <summary>PrivacyEf's log messages. They carry ids and counts, never personal values.</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "PrivacyEf created data key {KeyId}.")]
    public static partial void DataKeyCreated(ILogger logger, Guid keyId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "PrivacyEf cannot unwrap data key {KeyId} with this application's Data Protection key ring.")]
    public static partial void DataKeyUnwrapFailed(ILogger logger, Exception exception, Guid keyId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "PrivacyEf ignored a key table row with the malformed id '{KeyId}'.")]
    public static partial void MalformedKeyRow(ILogger logger, string keyId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "PrivacyEf could not read a key table while looking for a missing data key.")]
    public static partial void KeyTableUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "PrivacyEf redacted {FindingCount} finding(s) in {EntityType}.{Property} ({Source}): {FindingCounts}.")]
    public static partial void TextRedacted(ILogger logger, int findingCount, string entityType, string property, RedactionSource source, string findingCounts);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "PrivacyEf could not write {Count} access log entries.")]
    public static partial void AccessLogWriteFailed(ILogger logger, Exception exception, int count);
}
