namespace PrivacyEf.Tests.Redaction;

/// <summary>A corpus text and the personal data in it (label as written by the redactor, position in the text).</summary>
internal sealed record LabelledText(string Lang, string Text, IReadOnlyList<LabelledValue> Values)
{
    public bool IsHardNegative => Values.Count == 0;
}
