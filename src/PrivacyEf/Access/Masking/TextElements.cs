using System.Globalization;

namespace PrivacyEf.Access.Masking;

/// <summary>
/// Counts and finds user-perceived characters (extended grapheme clusters), so a mask never cuts a surrogate
/// pair or separates a letter from its combining marks.
/// </summary>
internal static class TextElements
{
    public static int Count(string text)
    {
        if (IsPlainAscii(text))
        {
            return text.Length;
        }

        var count = 0;
        for (var index = 0; index < text.Length; index += StringInfo.GetNextTextElementLength(text, index))
        {
            count++;
        }

        return count;
    }

    /// <summary>The char index at which the text element number <paramref name="element"/> (from 0) starts.</summary>
    public static int IndexOfElement(string text, int element)
    {
        if (IsPlainAscii(text))
        {
            return element;
        }

        var index = 0;
        for (var i = 0; i < element; i++)
        {
            index += StringInfo.GetNextTextElementLength(text, index);
        }

        return index;
    }

    public static string First(string text) =>
        text.Length == 0 ? "" : text[..StringInfo.GetNextTextElementLength(text, 0)];

    /// <summary>Printable ASCII: every char is a text element of its own (unlike CR LF, a surrogate pair or a letter with combining marks).</summary>
    private static bool IsPlainAscii(string text) => !text.AsSpan().ContainsAnyExceptInRange(' ', '~');
}
