namespace PrivacyEf.Redaction;

/// <summary>
/// The spans other scanners took, asked in increasing order of position: each question moves a cursor forward,
/// so a text with many findings is not read once per finding (which would make the scan quadratic).
/// </summary>
internal sealed class TakenSpans
{
    private readonly List<PiiMatch> matches;
    private PiiMatch[]? spans;
    private int cursor;
    private int furthestEnd;

    /// <summary>The spans in <paramref name="matches"/> as they are at the first question (sorted then, and only if asked: most texts never ask).</summary>
    public TakenSpans(List<PiiMatch> matches) => this.matches = matches;

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) overlaps a taken span; starts must not decrease between calls.</summary>
    public bool Overlaps(int start, int end)
    {
        if (spans is null)
        {
            spans = [.. matches];
            Array.Sort(spans, static (a, b) => a.Start.CompareTo(b.Start));
        }

        // Every span that starts before this end is consumed: a later question starts at or after this end, so
        // only how far those spans reach still matters.
        while (cursor < spans.Length && spans[cursor].Start < end)
        {
            furthestEnd = Math.Max(furthestEnd, spans[cursor].End);
            cursor++;
        }

        return furthestEnd > start;
    }
}
