using System.Globalization;

namespace PrivacyEf.Access.Masking;

/// <summary>
/// Splits text into user-perceived characters (extended grapheme clusters), so a mask never cuts a surrogate
/// pair or separates a letter from its combining marks.
/// </summary>
internal static class TextElements
{
    public static List<string> Split(string text)
    {
        var elements = new List<string>(text.Length);
        for (var index = 0; index < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text, index);
            elements.Add(text.Substring(index, length));
            index += length;
        }

        return elements;
    }

    public static string First(string text) =>
        text.Length == 0 ? "" : text[..StringInfo.GetNextTextElementLength(text, 0)];
}
