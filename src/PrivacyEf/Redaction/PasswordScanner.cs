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
    private const int MaxReferenceDistance = 160;
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

        var position = labelEnd;
        if (TryLinkedValue(text, labelEnd, colonOnly, out var secret))
        {
            matches.Add(secret);
            position = secret.End;
        }

        if (TryReferredValue(text, position, out var referred))
        {
            matches.Add(referred);
            position = referred.End;
        }

        return position;
    }

    /// <summary>"https://admin:X@db.example.com": the part between the user's colon and the "@".</summary>
    private static int ScanUrlAt(ReadOnlySpan<char> text, int userInfo, List<PiiMatch> matches)
    {
        var limit = Math.Min(text.Length, userInfo + MaxUserInfoChars);
        var colon = -1;
        for (var i = userInfo; i < limit; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '/' or '?' or '#')
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
        var linked = false;
        var firstToken = true;
        while (index < limit)
        {
            var c = text[index];
            if (c is ' ' or '\t')
            {
                index++;
                continue;
            }

            if (c is ':' or '=')
            {
                index++;
                linked = true;
                if (c == '=' && index < text.Length && text[index] == '>')
                {
                    index++;
                }

                continue;
            }

            if (linked || colonOnly)
            {
                break;
            }

            if (firstToken)
            {
                // "temporary password Tulp680#": a value that can only be a secret needs no colon.
                firstToken = false;
                var (tokenStart, tokenEnd) = ReadValue(text, index);
                if (SecretShape.IsSecretLike(text[tokenStart..tokenEnd]))
                {
                    secret = new PiiMatch(tokenStart, tokenEnd - tokenStart, PiiType.Password);
                    return true;
                }
            }

            if (!char.IsLetter(c) && c != '(')
            {
                return false;
            }

            // A lead word: a verb links; "for the portal" and the like may sit between label and verb.
            var wordEnd = index;
            while (wordEnd < limit && (char.IsLetter(text[wordEnd]) || text[wordEnd] is '(' or ')'))
            {
                wordEnd++;
            }

            var word = text[index..wordEnd].Trim("()");
            if (PasswordWords.IsVerb(word))
            {
                linked = true;
            }
            else if (PasswordWords.IsNotAValue(word) && !PasswordWords.IsArticle(word))
            {
                return false;
            }

            index = wordEnd;
        }

        if (!linked || index >= text.Length)
        {
            return false;
        }

        return TryValueAt(text, index, out secret);
    }

    /// <summary>
    /// "Passwort vergessen – das alte war X", "the old one was X", "nieuw: X": after a label, a word that refers
    /// back to the password, a verb or colon, and a value that can only be a secret.
    /// </summary>
    private static bool TryReferredValue(ReadOnlySpan<char> text, int index, out PiiMatch secret)
    {
        secret = default;
        var limit = Math.Min(text.Length, index + MaxReferenceDistance);
        var paragraphEnd = text[index..limit].IndexOf("\n\n");
        if (paragraphEnd >= 0)
        {
            limit = index + paragraphEnd;
        }

        var referring = false;
        var wordsSinceReferring = 0;
        while (index < limit)
        {
            var c = text[index];
            if (!char.IsLetter(c))
            {
                if (referring && c is ':' or '=' && index + 1 < text.Length)
                {
                    return TryStrongValueAt(text, index + 1, out secret);
                }

                index++;
                continue;
            }

            var wordEnd = index;
            while (wordEnd < limit && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            var word = text[index..wordEnd];
            index = wordEnd;
            if (PasswordWords.IsReferring(word))
            {
                referring = true;
                wordsSinceReferring = 0;
            }
            else if (referring && PasswordWords.IsVerb(word))
            {
                return TryStrongValueAt(text, wordEnd, out secret);
            }
            else if (referring && !(PasswordWords.IsReferringNoun(word) && wordsSinceReferring++ == 0))
            {
                referring = false;
            }
        }

        return false;
    }

    private static bool TryStrongValueAt(ReadOnlySpan<char> text, int index, out PiiMatch secret)
    {
        secret = default;
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }

        var (start, end) = ReadValue(text, index);
        if (!SecretShape.IsSecretLike(text[start..end]))
        {
            return false;
        }

        secret = new PiiMatch(start, end - start, PiiType.Password);
        return true;
    }

    private static bool TryValueAt(ReadOnlySpan<char> text, int index, out PiiMatch secret)
    {
        secret = default;
        if (IsRedactionMarker(text[index..]) || MaskedValue.IsPlaceholderAt(text, index))
        {
            // Already redacted or hidden: "password: [REDACTED:PASSWORD]", "Passwort: [entfernt]" stay as they are.
            return false;
        }

        var (start, end) = ReadValue(text, index);
        var value = text[start..end];
        if (value.Length < 3 || PasswordWords.IsNotAValue(value.TrimStart("([{<")) || MaskedValue.IsMaskRun(value))
        {
            return false;
        }

        secret = new PiiMatch(start, end - start, PiiType.Password);
        return true;
    }

    /// <summary>The value at <paramref name="index"/>: up to its closing quote, or up to white space less trailing punctuation.</summary>
    private static (int Start, int End) ReadValue(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return (index, index);
        }

        var quote = text[index] is '"' or '\'' or '„' or '“' or '‘' or '`' or '«' ? text[index] : '\0';
        var start = quote == '\0' ? index : index + 1;
        var end = start;
        while (end < text.Length && end - start < MaxSecretChars && (quote == '\0' ? !char.IsWhiteSpace(text[end]) : !IsClosingQuote(text[end]) && text[end] != '\n'))
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
