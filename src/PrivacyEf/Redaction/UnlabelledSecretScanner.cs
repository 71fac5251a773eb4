using System.Buffers;

namespace PrivacyEf.Redaction;

/// <summary>
/// Finds passwords that no label introduces, in one pass over the text's tokens:
/// a token that can only be a secret ("Tulp611#", "5NkZVo6gzM") anywhere; a token shaped like a secret after a
/// word that refers back to one ("old one was hunter22", "das alte war X"), or near a word about passwords or
/// logins ("login anna@example.com / Tulp692#", "ok i typed hunter65 again ... your password").
/// Context words are found by a cursor that only moves forward, so the scan stays linear.
/// </summary>
internal static class UnlabelledSecretScanner
{
    private const int ContextChars = 160;
    private const int MaxTokenChars = 64;

    private static readonly SearchValues<string> ContextWords = SearchValues.Create(
        [
            "passw", "paßw", "passwd", "pwd", "kennw", "wachtw", "pw:", "pw ", "ww:", "ww ", "login", "log in", "log-in", "logged in", "sign in", "signin",
            "inlog", "einlog", "anmeld", "zugang", "toegang", "creds", "credential", "zugangsdaten", "inloggegevens", "wifi", "wlan",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> TokenBreaks = SearchValues.Create(" \t\r\n,;=|\"'`()[]<>“”„‘’«»");

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var nextContext = FindContext(text, 0);
        var index = 0;
        while (index < text.Length)
        {
            var rest = text[index..];
            var skip = rest.IndexOfAnyExcept(TokenBreaks);
            if (skip < 0)
            {
                return;
            }

            var start = index + skip;
            var length = text[start..].IndexOfAny(TokenBreaks);
            var end = length < 0 ? text.Length : start + length;
            index = end;
            if (end - start > MaxTokenChars || end - start < 6)
            {
                continue;
            }

            // "anna@example.com:hunter04", "admin:Tulp974#": the part after the colon.
            var token = text[start..end];
            var colon = token.LastIndexOf(':');
            if (colon >= 0 && colon < token.Length - 1)
            {
                start += colon + 1;
                token = text[start..end];
            }

            // Markdown emphasis and sentence ends are not part of the token: "*Tulp611#*", "hunter65.".
            var trimmedStart = token.Length - token.TrimStart("*_~").Length;
            start += trimmedStart;
            token = token[trimmedStart..].TrimEnd(".,:*_~");
            if (token.Length < 6)
            {
                continue;
            }

            while (nextContext >= 0 && nextContext < start - ContextChars)
            {
                nextContext = FindContext(text, nextContext + 1);
            }

            var nearLogin = nextContext >= 0 && nextContext <= start + ContextChars;
            var isSecret = SecretShape.IsUnmistakableSecret(token)
                || ((nearLogin || FollowsReferringPhrase(text, start)) && SecretShape.IsSecretNearLogin(token));
            if (isSecret && !Overlaps(matches, start, start + token.Length))
            {
                matches.Add(new PiiMatch(start, token.Length, PiiType.Password));
            }
        }
    }

    private static int FindContext(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var found = text[from..].IndexOfAny(ContextWords);
        return found < 0 ? -1 : from + found;
    }

    /// <summary>"old one was X", "das alte war X", "nieuw: X", "the new one is X".</summary>
    private static bool FollowsReferringPhrase(ReadOnlySpan<char> text, int start)
    {
        var index = SkipBack(text, start);
        ReadOnlySpan<char> word;
        if (index > 0 && text[index - 1] == ':')
        {
            index = SkipBack(text, index - 1);
            word = WordBefore(text, index);
        }
        else
        {
            word = WordBefore(text, index);
            if (!PasswordWords.IsVerb(word))
            {
                return false;
            }

            index = SkipBack(text, index - word.Length);
            word = WordBefore(text, index);
        }

        if (PasswordWords.IsReferringNoun(word))
        {
            index = SkipBack(text, index - word.Length);
            word = WordBefore(text, index);
        }

        return PasswordWords.IsReferring(word);
    }

    private static int SkipBack(ReadOnlySpan<char> text, int index)
    {
        while (index > 0 && text[index - 1] is ' ' or '\t')
        {
            index--;
        }

        return index;
    }

    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> text, int end)
    {
        var start = end;
        while (start > 0 && end - start < 16 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..end];
    }

    private static bool Overlaps(List<PiiMatch> matches, int start, int end)
    {
        foreach (var match in matches)
        {
            if (match.Start < end && start < match.End)
            {
                return true;
            }
        }

        return false;
    }
}
