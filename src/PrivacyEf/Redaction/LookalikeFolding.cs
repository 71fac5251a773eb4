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

    /// <summary>The folded text, or null when it has nothing to fold (the common case costs two vectorized range searches).</summary>
    public static string? Fold(string text)
    {
        var first = IndexOfFoldable(text);
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

    // A SearchValues over these characters is not vectorized (they span most of the BMP) and cost a sixth of
    // the scan; a search for the no-break space and one for the range of the others are, and umlauts, which
    // German and Dutch text is full of, lie below that range.
    private static int IndexOfFoldable(ReadOnlySpan<char> text)
    {
        var noBreakSpace = text.IndexOf('\u00A0');
        var searched = noBreakSpace < 0 ? text : text[..noBreakSpace];
        var offset = 0;
        while (true)
        {
            var found = searched[offset..].IndexOfAnyInRange('\u2007', FullWidthLast);
            if (found < 0)
            {
                return noBreakSpace;
            }

            offset += found;
            if (FoldChar(searched[offset]) != searched[offset])
            {
                return offset;
            }

            offset++;
        }
    }

    private static char FoldChar(char c) => c switch
    {
        >= FullWidthFirst and <= FullWidthLast => (char)(c - FullWidthOffset),
        '\u00A0' or '\u2007' or '\u2009' or '\u202F' or '\u3000' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' => '-',
        _ => c,
    };
}
