using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round eight (<see cref="HeldOutRoundEightTexts"/>): written without reading the recognizers or the earlier
/// rounds' texts. Measured once (commit 5417635, after round seven's fixes): 682 values, 6 leaked (0.88 %, all passwords), none
/// checksummed, 0 of 163 hard negatives altered. Tuned on since, so <c>RoundEight_is_measured</c> only writes today's scores; the soundness
/// checks are <see cref="HeldOutRound.AssertSound"/>.
/// </summary>
public sealed class HeldOutRoundEightTests(ITestOutputHelper output)
{
    private const ulong Seed = 20261207;

    [Fact]
    public void RoundEight_is_sound() =>
        HeldOutRound.AssertSound(HeldOutRoundEightTexts.Templates, Seed, output, minimumWithValues: 240, minimumHardNegatives: 150, minimumBirthDates: 25, contactFreeHardNegatives: true);

    [Fact]
    public void RoundEight_is_measured() => HeldOutRound.Measure(HeldOutRoundEightTexts.Templates, Seed, "held-out round eight", output);
}
