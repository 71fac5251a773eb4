namespace PrivacyEf;

/// <summary>The outcome of <see cref="PiiRedactor.Redact"/>: the redacted text and what was found.</summary>
public sealed class RedactionResult
{
    internal static readonly RedactionResult EmptyText = new(string.Empty, []);

    internal RedactionResult(string text, IReadOnlyList<RedactionFinding> findings)
    {
        Text = text;
        Findings = findings;
    }

    /// <summary>The text with every finding replaced; the input itself when nothing was found (empty for null input).</summary>
    public string Text { get; }

    /// <summary>The findings, in text order, with positions in the original text.</summary>
    public IReadOnlyList<RedactionFinding> Findings { get; }

    /// <summary>Whether anything was found (and so <see cref="Text"/> differs from the input).</summary>
    public bool HasFindings => Findings.Count > 0;
}
