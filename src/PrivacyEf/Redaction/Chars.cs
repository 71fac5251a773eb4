namespace PrivacyEf.Redaction;

/// <summary>Character classes the scanners share.</summary>
internal static class Chars
{
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsHex(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    /// <summary>A character that continues a word or an identifier: a value glued to one is not a value of its own.</summary>
    public static bool IsWord(char c) => c < 128 ? IsDigit(c) || IsAsciiLetter(c) || c == '_' : char.IsLetterOrDigit(c);

    public static bool IsWordAt(ReadOnlySpan<char> text, int index) => (uint)index < (uint)text.Length && IsWord(text[index]);
}
