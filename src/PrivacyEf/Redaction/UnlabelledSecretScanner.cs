using System.Buffers;

namespace PrivacyEf.Redaction;

/// <summary>
/// Finds passwords that no label introduces: a token that can only be a secret ("Tulp611#", "5NkZVo6gzM")
/// anywhere; a token shaped like a secret after a word that refers back to one ("old one was hunter22", "das
/// alte war X"), or near a word about passwords or logins ("login anna@example.com / Tulp692#", "ok i typed
/// hunter65 again ... your password"). Tokens are found from their capitals, digits and symbols and counted
/// as they are read; only those with digits, symbols or inner capitals are looked at closer, and only those
/// that need it look for a context word (<see cref="LoginContext"/>), so the scan is linear.
/// </summary>
internal static class UnlabelledSecretScanner
{
    private const int MinTokenChars = 6;
    private const int MaxTokenChars = 64;

    // ASCII only: one letter outside it ("paßw") makes the search several times slower for every text.
    public static readonly SearchValues<string> ContextWords = SearchValues.Create(
        [
            "passw", "pwd", "kennw", "wachtw", "pw:", "pw ", "ww:", "ww ", "login", "log in", "log-in", "logged in", "sign in", "signin",
            "inlog", "anmeld", "zugang", "toegang", "creds", "credential", "wifi", "wlan",
            "passcode", "pincode", "pin ", "pin:", "pin.", "pin,", "recovery code", "herstelcode", "door code", "lock code", "deurcode",
            "verification code", "verificatiecode", "bevestigingscode", "tigungscode", "sms code", "sms-code", "one-time code", "otp", "2fa", "locked out",
            "wi-fi", "lock box", "lockbox", "key box", "keybox", "key safe", "sleutelkast",
            "alarm code", "alarmcode", "tresorcode", "safe code", "safecode", "kluiscode", "memorable", "security word", "codewort", "geheimzahl", "geheimcode",
        ],
        StringComparison.OrdinalIgnoreCase);

    // Where a token worth a closer look shows itself: a capital, a digit or a symbol. Runs of small letters and
    // spaces, most of any text, are skipped by a vectorized search.
    private static readonly SearchValues<char> Notable = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+?^~@");

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var taken = new TakenSpans(matches);
        var context = new LoginContext();
        var index = 0;
        while (index < text.Length)
        {
            var found = text[index..].IndexOfAny(Notable);
            if (found < 0)
            {
                return;
            }

            var start = index + found;
            while (start > index && !IsBreak(text[start - 1]))
            {
                start--;
            }

            // Counting while reading: most tokens (capitalized words, numbers, dates) are rejected here.
            var digitsOrSymbols = 0;
            var capitals = 0;
            for (index = start; index < text.Length && !IsBreak(text[index]); index++)
            {
                var c = text[index];
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    capitals += index > start ? 1 : 0;
                }
                else if ((uint)(c - 'a') > 'z' - 'a')
                {
                    digitsOrSymbols++;
                }
            }

            if (index - start < MinTokenChars || index - start > MaxTokenChars || (digitsOrSymbols == 0 && capitals < 2))
            {
                continue;
            }

            // Addresses, card numbers, IBANs and phone numbers are the usual tokens with digits and symbols: another
            // scanner took them already.
            var tokenStart = start;
            var token = TrimToken(text, ref tokenStart, index);
            if (taken.Overlaps(tokenStart, tokenStart + token.Length) || SecretShape.Unlabelled(token) is not { } shape)
            {
                continue;
            }

            var isSecret = SecretShape.IsUnmistakableSecret(token, shape)
                || (SecretShape.IsSecretNearLogin(token, shape) && !FollowsUserLabel(text, tokenStart) && (FollowsReferringPhrase(text, tokenStart) || FollowsChangePhrase(text, tokenStart) || context.IsNear(text, tokenStart)));
            if (isSecret && token.IndexOfAny(ContextWords) < 0)
            {
                matches.Add(new PiiMatch(tokenStart, token.Length, PiiType.Password));
            }
        }
    }

    /// <summary>Markdown emphasis and sentence ends are not part of the token: "*Tulp611#*", "hunter65.".</summary>
    private static ReadOnlySpan<char> TrimToken(ReadOnlySpan<char> text, ref int start, int end)
    {
        var token = text[start..end];
        var trimmedStart = token.Length - token.TrimStart("*_~").Length;
        start += trimmedStart;
        return token[trimmedStart..].TrimEnd(".,*_~");
    }

    /// <summary>Between tokens: white space, list and field separators, quotes and brackets, and ':' ("anna@example.com:hunter04", "admin:Tulp974#").</summary>
    private static bool IsBreak(char c) =>
        c <= ' ' || c is ',' or ';' or ':' or '=' or '|' or '"' or '\'' or '`' or '(' or ')' or '[' or ']' or '<' or '>' or '“' or '”' or '„' or '‘' or '’' or '«' or '»';

    /// <summary>"username = reception2", "login: migr_2024", "gebruikersnaam is sanne84": a user name, not a secret.</summary>
    private static bool FollowsUserLabel(ReadOnlySpan<char> text, int start)
    {
        var index = SkipBack(text, start);
        if (index > 0 && text[index - 1] is ':' or '=')
        {
            index = SkipBack(text, index - 1);
        }
        else if (WordBefore(text, index) is var verb && PasswordWords.IsVerb(verb))
        {
            index = SkipBack(text, index - verb.Length);
        }
        else
        {
            return false;
        }

        return PasswordWords.IsUserLabel(WordBefore(text, index));
    }

    /// <summary>"I changed it to X", "hab es auf X geändert" (word before: "auf"), "heb het veranderd in X".</summary>
    private static bool FollowsChangePhrase(ReadOnlySpan<char> text, int start)
    {
        var index = SkipBack(text, start);
        var preposition = WordBefore(text, index);
        if (!PasswordWords.IsChangePreposition(preposition))
        {
            return false;
        }

        index = SkipBack(text, index - preposition.Length);
        var word = WordBefore(text, index);
        if (PasswordWords.IsPronoun(word))
        {
            index = SkipBack(text, index - word.Length);
            word = WordBefore(text, index);
        }

        return PasswordWords.IsChangeVerb(word);
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
            var afterModal = PasswordWords.IsInfinitiveLink(word);
            if (!PasswordWords.IsVerb(word) && !afterModal)
            {
                return false;
            }

            index = SkipBack(text, index - word.Length);
            word = WordBefore(text, index);
            if (afterModal && !PasswordWords.IsModal(word))
            {
                return false;
            }

            if (PasswordWords.IsModal(word))
            {
                index = SkipBack(text, index - word.Length);
                word = WordBefore(text, index);
            }
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
}
