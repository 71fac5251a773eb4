namespace PrivacyEf.Redaction;

/// <summary>A run of ASCII digits in the text, from <paramref name="Start"/> to <paramref name="End"/> (exclusive).</summary>
internal readonly record struct DigitGroup(int Start, int End)
{
    public int Length => End - Start;
}
