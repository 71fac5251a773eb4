using System.Buffers;

namespace PrivacyEf.Redaction;

/// <summary>
/// Folds characters that people paste in place of ASCII (full-width digits and letters from East Asian input
/// methods, no-break and thin spaces, typographic dashes) into their ASCII form, one char for one char, so the
/// scanners see "4111 1111" where the text says "４１１１ １１１１" and every position still maps to the original.
/// </summary>
internal static class LookalikeFolding
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = FullWidthFirst - '!';

    private static readonly SearchValues<char> Foldable = SearchValues.Create(
        "\u00A0\u2007\u2009\u202F\u3000\u2010\u2011\u2012\u2013\u2212" + FullWidthRange());

    /// <summary>The folded text, or null when it has nothing to fold (the common case costs one vectorized search).</summary>
    public static string? Fold(string text)
    {
        var first = text.AsSpan().IndexOfAny(Foldable);
        if (first < 0)
        {
            return null;
        }

        return string.Create(text.Length, (Text: text, First: first), static (destination, state) =>
        {
            state.Text.AsSpan(0, state.First).CopyTo(destination);
            for (var i = state.First; i < destination.Length; i++)
            {
                destination[i] = FoldChar(state.Text[i]);
            }
        });
    }

    private static char FoldChar(char c) => c switch
    {
        >= FullWidthFirst and <= FullWidthLast => (char)(c - FullWidthOffset),
        '\u00A0' or '\u2007' or '\u2009' or '\u202F' or '\u3000' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' => '-',
        _ => c,
    };

    private static string FullWidthRange()
    {
        var chars = new char[FullWidthLast - FullWidthFirst + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(FullWidthFirst + i);
        }

        return new string(chars);
    }
}
