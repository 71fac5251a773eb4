using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Precision and recall per type on the labelled corpus (Corpus/redaction-corpus.jsonl, made by
/// Corpus/generate_corpus.py) and on a held-out set written after tuning (Corpus/redaction-heldout.jsonl).
/// A finding counts when type and span match a label exactly.
/// </summary>
public sealed class CorpusQualityTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> ChecksummedTypes = ["CREDIT_CARD", "IBAN", "US_SSN", "DE_TAX_ID", "DE_KVNR", "NL_BSN"];

    [Fact]
    public void Meets_the_precision_and_recall_goals()
    {
        var records = LoadCorpus("redaction-corpus.jsonl");
        Assert.True(records.Count >= 300, $"The corpus has {records.Count} texts; it needs at least 300.");
        Assert.Equal(["de", "en", "nl"], records.Select(r => r.Lang).Distinct().Order());
        Assert.Contains(records, r => r.Entities.Count == 0);
        var (scores, total) = Evaluate(records);
        foreach (var (type, score) in scores)
        {
            if (ChecksummedTypes.Contains(type))
            {
                Assert.True(score.Precision >= 0.99, $"{type} precision {score.Precision:F3} < 0.99");
                Assert.True(score.Recall >= 0.98, $"{type} recall {score.Recall:F3} < 0.98");
            }
        }

        Assert.True(total.F1 >= 0.95, $"overall F1 {total.F1:F3} < 0.95");
    }

    /// <summary>Texts in styles the recognizers were not tuned on: checksums still rule out false positives, and the overall bar is lower.</summary>
    [Fact]
    public void Holds_up_on_the_held_out_texts()
    {
        var records = LoadCorpus("redaction-heldout.jsonl");
        var (scores, total) = Evaluate(records);
        foreach (var (type, score) in scores)
        {
            if (ChecksummedTypes.Contains(type))
            {
                Assert.True(score.Precision >= 0.99, $"{type} precision {score.Precision:F3} < 0.99");
            }
        }

        Assert.True(total.F1 >= 0.90, $"overall F1 {total.F1:F3} < 0.90");
    }

    private (SortedDictionary<string, Score> Scores, Score Total) Evaluate(List<CorpusRecord> records)
    {
        var scores = new SortedDictionary<string, Score>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var expected = record.Entities.Select(e => (e.Type, e.Start, e.Length)).ToHashSet();
            var found = PiiRedactor.Default.Redact(record.Text).Findings.Select(f => (Type: f.Label, f.Start, f.Length)).ToHashSet();
            foreach (var label in expected)
            {
                Score(scores, label.Type).Add(truePositive: found.Contains(label), falsePositive: false, falseNegative: !found.Contains(label));
                if (!found.Contains(label))
                {
                    output.WriteLine($"missed {label.Type}: {record.Text}");
                }
            }

            foreach (var finding in found.Where(f => !expected.Contains(f)))
            {
                Score(scores, finding.Type).Add(truePositive: false, falsePositive: true, falseNegative: false);
                output.WriteLine($"false {finding.Type} '{record.Text.AsSpan(finding.Start, finding.Length)}': {record.Text}");
            }
        }

        var total = new Score();
        foreach (var score in scores.Values)
        {
            total.Add(score);
        }

        output.WriteLine(Table(records.Count, scores, total));
        return (scores, total);
    }

    private static Score Score(SortedDictionary<string, Score> scores, string type)
    {
        if (!scores.TryGetValue(type, out var score))
        {
            scores[type] = score = new Score();
        }

        return score;
    }

    private static string Table(int texts, SortedDictionary<string, Score> scores, Score total)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {texts} texts");
        table.AppendLine("| type | labels | TP | FP | FN | precision | recall | F1 |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (type, score) in scores.Append(new KeyValuePair<string, Score>("overall (micro)", total)))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {type} | {score.TruePositives + score.FalseNegatives} | {score.TruePositives} | {score.FalsePositives} | {score.FalseNegatives} | {score.Precision:F3} | {score.Recall:F3} | {score.F1:F3} |");
        }

        return table.ToString();
    }

    private static List<CorpusRecord> LoadCorpus(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Redaction", "Corpus", file);
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<CorpusRecord>(line, options)!)
            .ToList();
    }

    private sealed record CorpusRecord(string Lang, string Text, List<CorpusEntity> Entities);

    private sealed record CorpusEntity(string Type, int Start, int Length);
}
