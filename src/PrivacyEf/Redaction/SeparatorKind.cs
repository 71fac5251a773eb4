namespace PrivacyEf.Redaction;

/// <summary>The separators seen between the digit groups of a number.</summary>
[Flags]
internal enum SeparatorKind
{
    None = 0,
    Space = 1,
    Dash = 2,
    Dot = 4,
    Slash = 8,
    Paren = 16,
    Mixed = 32,
    LineBreak = 64,
}
