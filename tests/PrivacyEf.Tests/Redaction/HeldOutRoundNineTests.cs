using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round nine (<see cref="HeldOutRoundNineTexts"/>): written without reading the recognizers or the earlier
/// rounds' texts. Measured once (commit 538a2c9, after round eight's fixes): 776 values, 20 leaked (2.58 %: 13 passwords, 4 dates of
/// birth, 2 IPs, 1 API key), none checksummed, 2 of 170 hard negatives altered (1.2 %). Tuned on since, so <c>RoundNine_is_measured</c> only writes today's scores; the soundness
/// checks are <see cref="HeldOutRound.AssertSound"/>.
/// </summary>
public sealed class HeldOutRoundNineTests(ITestOutputHelper output)
{
    private const ulong Seed = 20261208;

    [Fact]
    public void RoundNine_is_sound() =>
        HeldOutRound.AssertSound(HeldOutRoundNineTexts.Templates, Seed, output, minimumWithValues: 240, minimumHardNegatives: 150, minimumBirthDates: 25, contactFreeHardNegatives: true);

    [Fact]
    public void RoundNine_is_measured() => HeldOutRound.Measure(HeldOutRoundNineTexts.Templates, Seed, "held-out round nine", output);
}
