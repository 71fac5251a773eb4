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
        baseline();
        candidate();
        var baselineBest = Best(baseline, rounds);
        var candidateBest = Best(candidate, rounds);
        var ratio = candidateBest.TotalMilliseconds / baselineBest.TotalMilliseconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-58} baseline {baselineBest.TotalMilliseconds,9:F2} ms   candidate {candidateBest.TotalMilliseconds,9:F2} ms   ratio {ratio,5:F2}x"));
        return ratio;
    }

    private static TimeSpan Best(Action action, int rounds)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            if (watch.Elapsed < best)
            {
                best = watch.Elapsed;
            }
        }

        return best;
    }
}
