using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivacyEf.Kernel;

namespace PrivacyEf;

/// <summary>PrivacyEf's retention metrics (meter <c>PrivacyEf</c>) and its span per purge run.</summary>
public static class RetentionTelemetry
{
    /// <summary>The name of PrivacyEf's meter and activity source.</summary>
    public const string Name = PrivacyMeter.Name;

    /// <summary>The activity name of one purge run.</summary>
    public const string PurgeActivityName = "PrivacyEf.Purge";

    /// <summary>The tag that names the entity type a measurement is about.</summary>
    public const string EntityTag = "privacyef.entity";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = PrivacyMeter.Meter;

    internal static readonly Counter<long> RowsPurged = Meter.CreateCounter<long>("privacyef.retention.rows_purged", "{row}", "Expired rows deleted by the retention purge.");

    internal static readonly Counter<long> RowsAnonymized = Meter.CreateCounter<long>("privacyef.retention.rows_anonymized", "{row}", "Expired rows anonymized by the retention purge.");

    internal static readonly Counter<long> RowsHeld = Meter.CreateCounter<long>("privacyef.retention.rows_held", "{row}", "Expired rows kept because of a legal hold, counted per run.");
}
