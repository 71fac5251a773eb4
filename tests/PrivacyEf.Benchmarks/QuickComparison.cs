using System.Diagnostics;
using System.Globalization;

namespace PrivacyEf.Benchmarks;

/// <summary>
/// The quick mode: times a candidate against its baseline with a stopwatch (best of several rounds after a
/// warm-up) and prints the ratio. Good for a glance in a terminal; BenchmarkDotNet gives the real figures.
/// </summary>
public static class QuickComparison
{
    public static double Compare(string name, Action baseline, Action candidate, int rounds = 5)
    {
        // Warm both up, then time them in turns: JIT tiering and caches settle during the first rounds of
        // whichever runs first, and turns keep that from favouring the one timed second.
        baseline();
        candidate();
        baseline();
        candidate();
        var baselineBest = TimeSpan.MaxValue;
        var candidateBest = TimeSpan.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            baselineBest = Min(baselineBest, Time(baseline));
            candidateBest = Min(candidateBest, Time(candidate));
        }

        var ratio = candidateBest.TotalMilliseconds / baselineBest.TotalMilliseconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-58} baseline {baselineBest.TotalMilliseconds,9:F2} ms   candidate {candidateBest.TotalMilliseconds,9:F2} ms   ratio {ratio,5:F2}x"));
        return ratio;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        return watch.Elapsed;
    }
}
