using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// The issue 17 goals on the evaluation corpus: no checksummed identifier leaks, at most 0.5 % of all values
/// leak, at most 2 % of the hard negatives are altered. The tuning half was used while changing the
/// recognizers; each held-out round was written afterwards and measured once before anything else changed.
/// </summary>
public sealed class EvaluationCorpusTests(ITestOutputHelper output)
{
    private const int Copies = 4;

    [Fact]
    public void Meets_the_goals_on_the_tuning_half() => AssertGoals(EvaluationCorpus.Build(TuningCorpusTexts.Templates, Copies, seed: 17), "tuning half");

    /// <summary>Round one of the held-out half: measured once (see its commit), then used to fix what it found, so tuning data since.</summary>
    [Fact]
    public void Meets_the_goals_on_held_out_round_one_after_its_fixes() => AssertGoals(EvaluationCorpus.Build(HeldOutCorpusTexts.Templates, Copies, seed: 4242), "held-out round one (tuning since)");

    /// <summary>Round two: written after the fixes from round one, measured once; nothing was changed after reading the result.</summary>
    [Fact]
    public void Meets_the_goals_on_held_out_round_two() => AssertGoals(EvaluationCorpus.Build(HeldOutRoundTwoTexts.Templates, Copies, seed: 9001), "held-out round two");

    private void AssertGoals(List<LabelledText> corpus, string title)
    {
        Assert.Equal(["de", "en", "nl"], corpus.Select(t => t.Lang).Distinct().Order());
        var evaluation = CorpusEvaluation.Run(PiiRedactor.Default, corpus);
        output.WriteLine(evaluation.Table(title));
        evaluation.Notes.ForEach(output.WriteLine);

        Assert.True(evaluation.ChecksummedLeakCount == 0, $"{evaluation.ChecksummedLeakCount} checksummed identifiers leaked");
        Assert.True(evaluation.LeakCount <= evaluation.Values * 0.005, $"{evaluation.LeakCount} of {evaluation.Values} values leaked");
        Assert.True(evaluation.AlteredHardNegatives <= evaluation.HardNegatives * 0.02, $"{evaluation.AlteredHardNegatives} of {evaluation.HardNegatives} hard negatives altered");
    }
}
