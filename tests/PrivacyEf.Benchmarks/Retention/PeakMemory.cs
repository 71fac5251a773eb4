namespace PrivacyEf.Benchmarks.Retention;

/// <summary>Samples the managed heap and the working set every few milliseconds while a variant runs.</summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Timer timer;
    private long managedPeak;
    private long workingSetPeak;

    public PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ManagedBaseline = GC.GetTotalMemory(forceFullCollection: false);
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
    }

    public long ManagedBaseline { get; }

    public double ManagedPeakMegabytes => Math.Max(managedPeak, GC.GetTotalMemory(false)) / 1024d / 1024d;

    public double WorkingSetPeakMegabytes => Math.Max(workingSetPeak, Environment.WorkingSet) / 1024d / 1024d;

    private void Sample()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var workingSet = Environment.WorkingSet;
        InterlockedMax(ref managedPeak, managed);
        InterlockedMax(ref workingSetPeak, workingSet);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Dispose() => timer.Dispose();
}
