namespace PrivacyEf.Redaction;

/// <summary>Classifies the characters between two digit groups.</summary>
internal static class SeparatorKinds
{
    public static SeparatorKind Of(ReadOnlySpan<char> separator)
    {
        var kind = SeparatorKind.None;
        var spacesOnly = true;
        foreach (var c in separator)
        {
            var one = KindOf(c);
            spacesOnly &= one == SeparatorKind.Space;
            kind |= one;
        }

        // Spaces and tabs, however many, are one space: people align digit groups with them. A spaced dash or
        // slash ("030 - 1234", "089 / 1234") keeps its kind but is marked as mixed.
        return separator.Length == 1 || spacesOnly ? kind : kind | SeparatorKind.Mixed;
    }

    private static SeparatorKind KindOf(char c) => c switch
    {
        ' ' or '\t' => SeparatorKind.Space,
        '\r' or '\n' => SeparatorKind.LineBreak,
        '-' => SeparatorKind.Dash,
        '.' => SeparatorKind.Dot,
        '/' => SeparatorKind.Slash,
        _ => SeparatorKind.Paren,
    };
}
