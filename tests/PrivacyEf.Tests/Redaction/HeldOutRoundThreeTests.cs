using System.Globalization;
using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Held-out round three (<see cref="HeldOutRoundThreeTexts"/>): written without reading the recognizers or the
/// earlier rounds' texts, measured once, nothing changed after reading the result. The scores are written to the
/// test output. Measured: 452 values, 15 leaked (3.32 %: 14 passwords, 1 IPv4), 0 checksummed leaks, 0 of 100 hard
/// negatives altered. The leak goal (at most 0.5 %) does not hold, so this test asserts only that the corpus is
/// sound (sizes, languages, check digits), not the issue 17 goals.
/// </summary>
public sealed class HeldOutRoundThreeTests(ITestOutputHelper output)
{
    private const int Copies = 2;

    [Fact]
    public void RoundThree_is_measured()
    {
        var corpus = RoundThreeValues.Build(HeldOutRoundThreeTexts.Templates, Copies, seed: 20250603);
        Assert.Equal(["de", "en", "nl"], corpus.Select(t => t.Lang).Distinct().Order());
        Assert.True(HeldOutRoundThreeTexts.Templates.Count(t => t.Template.Contains('{', StringComparison.Ordinal)) >= 200, "fewer than 200 texts with personal data");
        Assert.True(corpus.Count(t => t.IsHardNegative) >= 100, "fewer than 100 hard negatives");
        foreach (var text in corpus)
        {
            foreach (var value in text.Values)
            {
                var written = text.Text.Substring(value.Start, value.Length);
                Assert.True(HeldOutRound.HasValidCheck(value.Label, written), $"{value.Label} '{written}' has a wrong check digit");
            }
        }

        var evaluation = CorpusEvaluation.Run(PiiRedactor.Default, corpus);
        output.WriteLine(evaluation.Table("held-out round three"));
        foreach (var (type, score) in evaluation.Scores)
        {
            var total = score.TruePositives + score.FalseNegatives;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type}: leaked {evaluation.Leaks.GetValueOrDefault(type)}/{total}, recall {score.Recall:F3}, false positives {score.FalsePositives}, precision {score.Precision:F3}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall leak rate {(double)evaluation.LeakCount / evaluation.Values:P2} ({evaluation.LeakCount}/{evaluation.Values}); checksummed leaks {evaluation.ChecksummedLeakCount}; hard negatives altered {(double)evaluation.AlteredHardNegatives / evaluation.HardNegatives:P1} ({evaluation.AlteredHardNegatives}/{evaluation.HardNegatives})"));
        evaluation.Notes.ForEach(output.WriteLine);
    }
}
