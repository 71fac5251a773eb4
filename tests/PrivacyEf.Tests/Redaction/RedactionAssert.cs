namespace PrivacyEf.Tests.Redaction;

/// <summary>The two outcomes the recognizer tests check on one text.</summary>
internal static class RedactionAssert
{
    /// <summary>The text holds exactly one finding, of <paramref name="label"/>, spanning exactly <paramref name="value"/>.</summary>
    public static void FindsOnly(string text, string label, string value)
    {
        var result = PiiRedactor.Default.Redact(text);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(label, finding.Label);
        Assert.Equal(value, text.Substring(finding.Start, finding.Length));
        Assert.Equal(text.Replace(value, $"[REDACTED:{label}]", StringComparison.Ordinal), result.Text);
    }

    /// <summary>Nothing is found, and the very same string comes back.</summary>
    public static void Untouched(string text)
    {
        var result = PiiRedactor.Default.Redact(text);

        Assert.Empty(result.Findings);
        Assert.Same(text, result.Text);
    }
}
