using System.Text;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Turns corpus templates into labelled texts: each "{TYPE}" placeholder becomes a fresh value of that type,
/// and its position is recorded. Templates are hand-written support texts; see <see cref="TuningCorpusTexts"/>
/// and <see cref="HeldOutCorpusTexts"/>.
/// </summary>
internal static class EvaluationCorpus
{
    /// <summary>Each template with placeholders <paramref name="copies"/> times with fresh values; each hard negative (no placeholder) once.</summary>
    public static List<LabelledText> Build(IReadOnlyList<(string Lang, string Template)> templates, int copies, ulong seed)
    {
        var values = new CorpusValues(seed);
        var texts = templates.Where(t => !HasPlaceholder(t.Template)).Select(t => new LabelledText(t.Lang, t.Template, [])).ToList();
        for (var copy = 0; copy < copies; copy++)
        {
            texts.AddRange(templates.Where(t => HasPlaceholder(t.Template)).Select(t => Fill(t.Lang, t.Template, values.Next)));
        }

        return texts;
    }

    private static bool HasPlaceholder(string template) => template.Contains('{', StringComparison.Ordinal);

    /// <summary>A template with each <c>{PLACEHOLDER}</c> replaced by the next value <paramref name="next"/> gives, and where each went.</summary>
    public static LabelledText Fill(string lang, string template, Func<string, (string Label, string Text)> next)
    {
        var text = new StringBuilder(template.Length + 64);
        var labelled = new List<LabelledValue>();
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                text.Append(template, index, template.Length - index);
                break;
            }

            text.Append(template, index, open - index);
            var (label, value) = next(template[(open + 1)..close]);
            labelled.Add(new LabelledValue(label, text.Length, value.Length));
            text.Append(value);
            index = close + 1;
        }

        return new LabelledText(lang, text.ToString(), labelled);
    }
}
