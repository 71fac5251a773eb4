namespace PrivacyEf.Tests.Redaction;

/// <summary>One labelled value in a corpus text.</summary>
internal sealed record LabelledValue(string Label, int Start, int Length)
{
    public int End => Start + Length;
}
