using System.Diagnostics;
using System.Globalization;
using PrivacyEf.Benchmarks.Access;

namespace PrivacyEf.Benchmarks.Reads;

/// <summary>
/// Times a candidate against its baseline in alternating rounds and reports medians, not bests: on a shared machine a
/// best-of figure rewards whichever side happened to run in a quiet moment, while the median of interleaved rounds
/// weighs the neighbours' load on both alike. The spread of the per-round ratios shows how far one run can be trusted.
/// Where the OS tells, the ratio of the medians of the benchmark thread's CPU time is printed too: the neighbours' load
/// inflates it far less than wall time (work on other threads, such as the GC's, is not in it).
/// </summary>
public static class InterleavedMedian
{
    /// <summary>Runs the comparison and prints one line; <paramref name="prepare"/> runs untimed before every timed call.</summary>
    /// <returns>The ratio of the candidate's median to the baseline's.</returns>
    public static double Compare(string name, double goal, Action baseline, Action candidate, int rounds, Action? prepare = null)
    {
        prepare?.Invoke();
        var warmup = Stopwatch.StartNew();
        baseline();
        var calls = CallsPerSample(warmup.Elapsed);
        prepare?.Invoke();
        candidate();
        var baselineTimes = new double[rounds];
        var candidateTimes = new double[rounds];
        var baselineCpu = new double[rounds];
        var candidateCpu = new double[rounds];
        var ratios = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            // Alternate which side goes first, so a side never always runs right after the other's garbage.
            if (i % 2 == 0)
            {
                (baselineTimes[i], baselineCpu[i]) = Time(baseline, prepare, calls);
                (candidateTimes[i], candidateCpu[i]) = Time(candidate, prepare, calls);
            }
            else
            {
                (candidateTimes[i], candidateCpu[i]) = Time(candidate, prepare, calls);
                (baselineTimes[i], baselineCpu[i]) = Time(baseline, prepare, calls);
            }

            ratios[i] = candidateTimes[i] / baselineTimes[i];
        }

        var ratio = Median(candidateTimes) / Median(baselineTimes);
        Array.Sort(ratios);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-62} baseline {Median(baselineTimes),8:F1} ms  candidate {Median(candidateTimes),8:F1} ms  ratio {ratio,5:F2}x (goal <= {goal:F2}x)  per-round ratios: quartiles {Quantile(ratios, 0.25):F2}-{Quantile(ratios, 0.75):F2}, range {ratios[0]:F2}-{ratios[^1]:F2}, n={rounds}; thread CPU ratio {Median(candidateCpu) / Median(baselineCpu):F2}x"));
        return ratio;
    }

    /// <summary>
    /// How many calls one timed sample makes: enough for about 100 ms. A sample of one 10 ms read holds zero or one
    /// garbage collection depending on which side of the young generation's budget its allocations fall, which makes a
    /// side that allocates a little more look twice as slow; over several calls collections are paid in proportion.
    /// </summary>
    private static int CallsPerSample(TimeSpan oneCall) =>
        oneCall.TotalMilliseconds >= 100 ? 1 : (int)Math.Min(20, Math.Ceiling(100 / Math.Max(oneCall.TotalMilliseconds, 1)));

    /// <returns>The wall and thread CPU time of one call, averaged over the sample's calls.</returns>
    private static (double Wall, double Cpu) Time(Action action, Action? prepare, int calls)
    {
        // Like BenchmarkDotNet's default, every sample starts from a collected heap, so neither side pays for the
        // garbage the other left behind.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var wall = 0.0;
        var cpu = 0.0;
        for (var call = 0; call < calls; call++)
        {
            // What prepare does (say, deleting the rows an insert added) is not timed.
            prepare?.Invoke();
            var cpuBefore = ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() : 0;
            var watch = Stopwatch.StartNew();
            action();
            wall += watch.Elapsed.TotalMilliseconds;
            cpu += ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowMilliseconds() - cpuBefore : double.NaN;
        }

        return (wall / calls, cpu / calls);
    }

    private static double Median(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return Quantile(sorted, 0.5);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
