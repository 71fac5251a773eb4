using System.Diagnostics.Metrics;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Logging;

/// <summary>The access log's instruments on PrivacyEf's meter (<c>PrivacyEf</c>).</summary>
internal static class AccessLogTelemetry
{
    /// <summary>The tag that names the context type whose database the entries were for.</summary>
    public const string ContextTag = "privacyef.context";

    /// <summary>The tag value when the entries' context is not known (entries still queued when the writer was stopped).</summary>
    public const string UnknownContext = "(queued at shutdown)";

    /// <summary>
    /// The name of <see cref="EntriesLost"/>. A constant: a listener that looks at it while the counter is being
    /// published (inside this type's initializer) must not touch the counter itself.
    /// </summary>
    public const string EntriesLostName = "privacyef.access_log.entries_lost";

    /// <summary>
    /// Entries that could not be written after every retry, or were handed to a writer that had already stopped. Any
    /// value above zero means the log misses disclosures: alert on it.
    /// </summary>
    public static readonly Counter<long> EntriesLost = PrivacyMeter.Meter.CreateCounter<long>(
        EntriesLostName, "{entry}", "Access log entries that could not be written and are missing from the log.");

    /// <summary>Entries written, in either durability mode.</summary>
    public static readonly Counter<long> EntriesWritten = PrivacyMeter.Meter.CreateCounter<long>(
        "privacyef.access_log.entries_written", "{entry}", "Access log entries appended to the log.");
}
