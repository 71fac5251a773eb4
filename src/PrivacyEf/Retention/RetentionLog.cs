using Microsoft.Extensions.Logging;

namespace PrivacyEf.Retention;

/// <summary>The retention purge's log messages: counts, entity names and keys, never personal values.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "PrivacyEf purge at {Now}: {Deleted} rows deleted, {Anonymized} anonymized, {Held} held, {Refused} refused, in {ElapsedMilliseconds} ms (dry run: {DryRun}).")]
    public static partial void PurgeCompleted(ILogger logger, DateTimeOffset now, long deleted, long anonymized, long held, int refused, long elapsedMilliseconds, bool dryRun);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "PrivacyEf purge skipped: {Reason}.")]
    public static partial void PurgeSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "PrivacyEf purge: the database refused to purge {Entity} {Key}.")]
    public static partial void RowRefused(ILogger logger, Exception exception, string entity, string key);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "PrivacyEf retention: next purge of {Context} at {NextRun}.")]
    public static partial void NextRunScheduled(ILogger logger, string context, DateTimeOffset nextRun);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "PrivacyEf retention: the purge of {Context} failed; the next one runs as scheduled.")]
    public static partial void ScheduledPurgeFailed(ILogger logger, Exception exception, string context);
}
