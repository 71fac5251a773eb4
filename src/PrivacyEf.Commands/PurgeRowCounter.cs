using System.Diagnostics.Metrics;
using PrivacyEf;

namespace PrivacyEf.Commands;

/// <summary>
/// Counts the rows a purge has committed so far, from the retention counters the purge records after every batch:
/// the purge reports nothing until it ends, and a cancelled purge reports nothing at all.
/// </summary>
/// <remarks>
/// The listener sees every purge of the process; it counts only measurements made in the async flow this counter was
/// started in (metric callbacks run synchronously on the recording flow), so a concurrent purge elsewhere is not counted.
/// </remarks>
internal sealed class PurgeRowCounter : IDisposable
{
    private static readonly AsyncLocal<PurgeRowCounter?> Current = new();

    private readonly MeterListener listener = new();
    private long rows;

    public PurgeRowCounter()
    {
        Current.Value = this;
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == RetentionTelemetry.Name
                && instrument.Name is "privacyef.retention.rows_purged" or "privacyef.retention.rows_anonymized")
            {
                meterListener.EnableMeasurementEvents(instrument, this);
            }
        };
        listener.SetMeasurementEventCallback<long>(static (_, measurement, _, state) =>
        {
            if (state is PurgeRowCounter counter && ReferenceEquals(Current.Value, counter))
            {
                Interlocked.Add(ref counter.rows, measurement);
            }
        });
        listener.Start();
    }

    public long Rows => Interlocked.Read(ref rows);

    public void Dispose()
    {
        listener.Dispose();
        if (ReferenceEquals(Current.Value, this))
        {
            Current.Value = null;
        }
    }
}
