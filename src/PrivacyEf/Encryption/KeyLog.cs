using Microsoft.Extensions.Logging;

namespace PrivacyEf.Encryption;

/// <summary>The key ring's log messages. They carry key ids, never key material or personal values.</summary>
internal static partial class KeyLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "PrivacyEf created data key {KeyId}.")]
    public static partial void DataKeyCreated(ILogger logger, Guid keyId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "PrivacyEf cannot unwrap data key {KeyId} with this application's Data Protection key ring.")]
    public static partial void DataKeyUnwrapFailed(ILogger logger, Exception exception, Guid keyId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "PrivacyEf ignored a key table row with the malformed id '{KeyId}'.")]
    public static partial void MalformedKeyRow(ILogger logger, string keyId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "PrivacyEf could not read a key table while looking for a missing data key.")]
    public static partial void KeyTableUnreadable(ILogger logger, Exception exception);
}
