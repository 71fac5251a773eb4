namespace PrivacyEf.Redaction;

/// <summary>
/// Whether a word about passwords or logins (<see cref="UnlabelledSecretScanner.ContextWords"/>) stands near a
/// position. Asked for positions that only grow, it remembers the last word found and how far the text is known to
/// hold none, so no character is searched twice for nothing.
/// </summary>
internal sealed class LoginContext
{
    private const int NearChars = 160;

    private int lastFound = -1;
    private int clearFrom;
    private int clearUntil;

    public bool IsNear(ReadOnlySpan<char> text, int position)
    {
        var from = Math.Max(0, position - NearChars);
        var to = Math.Min(text.Length, position + NearChars);
        if (lastFound >= from && lastFound <= to)
        {
            return true;
        }

        // Positions only grow: a window that starts inside the range known to hold no word searches only past it.
        var continuesClearRange = from >= clearFrom && from <= clearUntil;
        var searchFrom = continuesClearRange ? clearUntil : from;
        // A word may start before the window ends and end after it.
        var searchTo = Math.Min(text.Length, to + 12);
        var found = searchFrom < searchTo ? text[searchFrom..searchTo].IndexOfAny(UnlabelledSecretScanner.ContextWords) : -1;
        if (found >= 0 && searchFrom + found <= to)
        {
            lastFound = searchFrom + found;
            return true;
        }

        if (!continuesClearRange)
        {
            clearFrom = from;
        }

        clearUntil = to;
        return false;
    }
}
