using System.Globalization;
using System.Text;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Scores the redactor on a labelled corpus. Precision and recall per type count a finding as right when its
/// type and span match a label exactly. A leak is a labelled value that no finding covers completely, whatever
/// the type. A hard negative is altered when anything in it is redacted.
/// </summary>
internal sealed class CorpusEvaluation
{
    public static readonly string[] ChecksummedLabels = ["CREDIT_CARD", "IBAN", "US_SSN", "DE_TAX_ID", "DE_KVNR", "NL_BSN"];

    private CorpusEvaluation()
    {
    }

    public SortedDictionary<string, Score> Scores { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Leaks { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public int Values { get; private set; }

    public int HardNegatives { get; private set; }

    public int AlteredHardNegatives { get; private set; }

    public int LeakCount => Leaks.Values.Sum();

    public int ChecksummedLeakCount => Leaks.Where(l => ChecksummedLabels.Contains(l.Key)).Sum(l => l.Value);

    public static CorpusEvaluation Run(PiiRedactor redactor, IEnumerable<LabelledText> texts)
    {
        var evaluation = new CorpusEvaluation();
        foreach (var text in texts)
        {
            evaluation.Add(text, redactor.Redact(text.Text).Findings);
        }

        return evaluation;
    }

    public string Table(string title)
    {
        var total = new Score();
        foreach (var score in Scores.Values)
        {
            total.Add(score);
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{title}: {Values} values, {LeakCount} leaked ({(double)LeakCount / Math.Max(1, Values):P2}), {ChecksummedLeakCount} of them checksummed; {AlteredHardNegatives} of {HardNegatives} hard negatives altered ({(double)AlteredHardNegatives / Math.Max(1, HardNegatives):P1})");
        table.AppendLine("| type | values | TP | FP | FN | precision | recall | leaked |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (type, score) in Scores.Append(new KeyValuePair<string, Score>("overall (micro)", total)))
        {
            var leaked = type == "overall (micro)" ? LeakCount : Leaks.GetValueOrDefault(type);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {score.TruePositives + score.FalseNegatives} | {score.TruePositives} | {score.FalsePositives} | {score.FalseNegatives} | {score.Precision:F3} | {score.Recall:F3} | {leaked} |");
        }

        return table.ToString();
    }

    private void Add(LabelledText text, IReadOnlyList<RedactionFinding> findings)
    {
        if (text.IsHardNegative)
        {
            HardNegatives++;
            if (findings.Count > 0)
            {
                AlteredHardNegatives++;
                Notes.Add($"altered: {Escape(text.Text)} ({string.Join(", ", findings.Select(f => f.Label))})");
            }
        }

        foreach (var value in text.Values)
        {
            Values++;
            var exact = findings.Any(f => f.Label == value.Label && f.Start == value.Start && f.Length == value.Length);
            ScoreOf(value.Label).Add(truePositive: exact, falsePositive: false, falseNegative: !exact);
            if (!findings.Any(f => f.Start <= value.Start && f.Start + f.Length >= value.End))
            {
                Leaks[value.Label] = Leaks.GetValueOrDefault(value.Label) + 1;
                Notes.Add($"leaked {value.Label} '{Escape(text.Text.Substring(value.Start, value.Length))}': {Escape(text.Text)}");
            }
            else if (!exact)
            {
                Notes.Add($"inexact {value.Label} '{Escape(text.Text.Substring(value.Start, value.Length))}': {Escape(text.Text)}");
            }
        }

        foreach (var finding in findings.Where(f => !text.Values.Any(v => v.Label == f.Label && v.Start == f.Start && v.Length == f.Length)))
        {
            ScoreOf(finding.Label).Add(truePositive: false, falsePositive: true, falseNegative: false);
            Notes.Add($"false {finding.Label} '{Escape(text.Text.Substring(finding.Start, finding.Length))}': {Escape(text.Text)}");
        }
    }

    private Score ScoreOf(string label)
    {
        if (!Scores.TryGetValue(label, out var score))
        {
            Scores[label] = score = new Score();
        }

        return score;
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
