namespace PrivacyEf.Redaction;

/// <summary>
/// Finds passwords, which have no format of their own, by what introduces them: a label and a colon or verb
/// ("password: X", "das Passwort lautet X", "wachtwoord is X", "\"pwd\": \"X\"", "DB_PASSWORD=X"), a label
/// right before a value that can only be a secret ("temporary password Tulp680#"), a word that refers back to
/// a password named just before ("Passwort vergessen, das alte war X"), and the user information of a URL
/// ("https://admin:X@host"). Every step looks a bounded distance ahead, so the scan is linear.
/// </summary>
internal static class PasswordScanner
{
    private const int MaxLeadChars = 48;
    private const int MaxSecretChars = 64;
    private const int MaxWordsBeforeValue = 3;
    private const int MaxUserInfoChars = 128;

    /// <summary>Where a password can start: a label's first letters, or the "://" of a URL with user information.</summary>
    public static readonly string[] Triggers = [.. PasswordLabel.Triggers, "://"];

    /// <summary>
    /// Reads the password introduced at <paramref name="start"/>, where one of <see cref="Triggers"/> was found,
    /// and returns where scanning goes on (after <paramref name="start"/> when nothing was found).
    /// </summary>
    public static int ScanAt(ReadOnlySpan<char> text, int start, List<PiiMatch> matches)
    {
        if (text[start] == ':')
        {
            return ScanUrlAt(text, start + 3, matches);
        }

        if (!PasswordLabel.TryRead(text, start, out var labelEnd, out var colonOnly))
        {
            return start + 1;
        }

        if (TryLinkedValue(text, labelEnd, colonOnly, out var secret))
        {
            matches.Add(secret);
            return secret.End;
        }

        return labelEnd;
    }

    /// <summary>"https://admin:X@db.example.com": the part between the user's colon and the "@".</summary>
    private static int ScanUrlAt(ReadOnlySpan<char> text, int userInfo, List<PiiMatch> matches)
    {
        var limit = Math.Min(text.Length, userInfo + MaxUserInfoChars);
        var colon = -1;
        for (var i = userInfo; i < limit; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '/' or '?')
            {
                break;
            }

            if (c == ':' && colon < 0)
            {
                colon = i;
            }
            else if (c == '@')
            {
                if (colon > userInfo && i - colon > 1)
                {
                    matches.Add(new PiiMatch(colon + 1, i - colon - 1, PiiType.Password));
                    return i;
                }

                break;
            }
        }

        return userInfo;
    }

    private static bool TryLinkedValue(ReadOnlySpan<char> text, int index, bool colonOnly, out PiiMatch secret)
    {
        secret = default;
        // The key of a JSON or config entry: "password": "X", 'pwd' => 'X'.
        if (index < text.Length && text[index] is '"' or '\'')
        {
            index++;
        }

        var limit = Math.Min(text.Length, index + MaxLeadChars);
        var link = '\0';
        var negated = false;
        var leadWords = 0;
        var firstToken = true;
        while (index < limit)
        {
            var c = text[index];
            if (c is ' ' or '\t')
            {
                index++;
                continue;
            }

            if (link == '\0' && (c is ':' or '=' or '|' || (c is '-' or '–' && index + 1 < text.Length && text[index + 1] == ' ')))
            {
                // "Password: X", "pwd=X", "| password | X |", "Pass word - X".
                link = c;
                index++;
                if (c == '=' && index < text.Length && text[index] == '>')
                {
                    index++;
                }

                continue;
            }

            if (link != '\0')
            {
                break;
            }

            if (firstToken)
            {
                // "temporary password Tulp680#", "mein Passwort (Tulp630#) wird abgelehnt": no colon needed.
                firstToken = false;
                if (TryBareSecret(text, index, out secret))
                {
                    return true;
                }
            }

            if (c == '(')
            {
                // "Wachtwoord (hoofdlettergevoelig!): X": a remark between label and colon.
                var close = text[index..limit].IndexOf(')');
                if (close < 0)
                {
                    return false;
                }

                index += close + 1;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            // A lead word: a verb links; "for the portal" and the like may sit between label and verb.
            var wordEnd = index;
            while (wordEnd < limit && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            var word = text[index..wordEnd];
            if (PasswordWords.IsVerb(word))
            {
                link = 'v';
            }
            else if (PasswordWords.IsNotAValue(word) && !PasswordWords.IsArticle(word))
            {
                negated = true;
            }
            else
            {
                leadWords++;
            }

            index = wordEnd;
        }

        if (link == '\0' || index >= text.Length)
        {
            return false;
        }

        // "het pw van de beheeromgeving is X", "het nieuwe ww wordt X", "Passwort zurücksetzen: Klicken Sie ...":
        // after a word that could also mean there is no value, a short label linked by a verb, or words between
        // the label and its colon (a heading, not a value), only a value shaped like a secret counts.
        var needsSecretShape = negated || (colonOnly && link == 'v') || (leadWords > 0 && link != 'v') || link is '-' or '–';
        return TryValueAt(text, index, stopAtSemicolon: link == '=', needsSecretShape, out secret);
    }

    private static bool TryBareSecret(ReadOnlySpan<char> text, int index, out PiiMatch secret)
    {
        secret = default;
        int start, end;
        if (text[index] == '(')
        {
            var close = text[index..Math.Min(text.Length, index + MaxSecretChars)].IndexOf(')');
            (start, end) = close < 0 ? (index, index) : (index + 1, index + close);
        }
        else
        {
            (start, end) = ReadValue(text, index, stopAtSemicolon: false);
        }

        if (!SecretShape.IsSecretLike(text[start..end]))
        {
            return false;
        }

        secret = new PiiMatch(start, end - start, PiiType.Password);
        return true;
    }

    private static bool TryValueAt(ReadOnlySpan<char> text, int index, bool stopAtSemicolon, bool needsSecretShape, out PiiMatch secret)
    {
        secret = default;
        if (IsRedactionMarker(text[index..]) || MaskedValue.IsPlaceholderAt(text, index))
        {
            // Already redacted or hidden: "password: [REDACTED:PASSWORD]", "Passwort: [entfernt]" stay as they are.
            return false;
        }

        var (start, end) = ReadValue(text, index, stopAtSemicolon);
        var value = text[start..end];
        // "password: (read from vault at start-up)": words in brackets say where the value is, not what.
        needsSecretShape |= value.StartsWith('(');
        var isValue = needsSecretShape
            ? SecretShape.IsSecretLike(value)
            : value.Length >= 3 && !PasswordWords.IsNotAValue(value.TrimStart("([{<")) && !PasswordWords.IsReferring(value) && !MaskedValue.IsMaskRun(value) && !PasswordLabel.IsLabel(value);
        if (isValue)
        {
            secret = new PiiMatch(start, end - start, PiiType.Password);
            return true;
        }

        // "Passwort lautet jetzt wieder X", "lautet wie besprochen X": a few words, then the value, in the same sentence.
        for (var word = 0; word < MaxWordsBeforeValue && end < text.Length && !IsSentenceEnd(text, end); word++)
        {
            var next = end;
            while (next < text.Length && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next == end || next >= text.Length)
            {
                return false;
            }

            (start, end) = ReadValue(text, next, stopAtSemicolon);
            if (end == start)
            {
                return false;
            }

            if (SecretShape.IsSecretLike(text[start..end]))
            {
                secret = new PiiMatch(start, end - start, PiiType.Password);
                return true;
            }
        }

        return false;
    }

    /// <summary>"Encrypt=True", "lang=de": a name and "=" (after a ";" or "&amp;" that then ends the value before it).</summary>
    private static bool StartsNextSetting(ReadOnlySpan<char> text, int index)
    {
        var limit = Math.Min(text.Length, index + 32);
        var name = index;
        while (name < limit && (char.IsLetterOrDigit(text[name]) || text[name] is ' ' or '_' or '-' or '.'))
        {
            name++;
        }

        return name > index && name < text.Length && text[name] == '=';
    }

    private static bool IsSentenceEnd(ReadOnlySpan<char> text, int end) => end < text.Length && text[end] is '.' or '!' or '?' or ';' or '\n' or '\r';

    /// <summary>The value at <paramref name="index"/>: up to its closing quote, or up to white space less trailing punctuation.</summary>
    private static (int Start, int End) ReadValue(ReadOnlySpan<char> text, int index, bool stopAtSemicolon)
    {
        if (index >= text.Length)
        {
            return (index, index);
        }

        var quote = text[index] is '"' or '\'' or '„' or '“' or '‘' or '`' or '«' ? text[index] : '\0';
        var start = quote == '\0' ? index : index + 1;
        var end = start;
        // After "=", a ";" or "&" ends the value: "Password=X;Encrypt=True", "?user=a&password=X&lang=de".
        while (end < text.Length && end - start < MaxSecretChars && (quote == '\0' ? !char.IsWhiteSpace(text[end]) && !(stopAtSemicolon && text[end] is ';' or '&' && StartsNextSetting(text, end + 1)) : !IsClosingQuote(text[end]) && text[end] != '\n'))
        {
            end++;
        }

        if (quote == '\0')
        {
            while (end > start && text[end - 1] is '.' or ',' or ';' or ':' or ')' or '"' or '\'' or '”' or '“' or '’')
            {
                end--;
            }
        }

        return (start, end);
    }

    /// <summary>"[REDACTED:PASSWORD]", "[PASSWORD:kqzvbxmwte]", "[REDACTED:IBAN:****3000]": what a redactor wrote.</summary>
    private static bool IsRedactionMarker(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] != '[')
        {
            return false;
        }

        var index = 1;
        while (index < text.Length && index < 40 && (Chars.IsUpper(text[index]) || Chars.IsDigit(text[index]) || text[index] == '_'))
        {
            index++;
        }

        return index > 1 && index < text.Length && text[index] is ':' or ']';
    }

    private static bool IsClosingQuote(char c) => c is '"' or '\'' or '“' or '”' or '’' or '`' or '»';
}
