using System.Buffers;
using System.Collections.Frozen;

namespace PrivacyEf.Redaction;

/// <summary>
/// Finds passwords and dates of birth, which have no format of their own, by the phrases that introduce them
/// in English, German and Dutch ("password:", "das Passwort lautet", "wachtwoord is", "born on",
/// "geboren am", "geboortedatum"). Each phrase looks a bounded distance ahead, so the scan is linear.
/// </summary>
internal static class ContextPhraseScanner
{
    private const int MaxLeadChars = 48;
    private const int MaxSecretChars = 64;
    private const int MaxDateDistance = 32;

    // Longest first, so "date of birth" is tried before "birth" and "passwort" before "pw".
    private static readonly string[] PasswordPhrases = ["passphrase", "wachtwoord", "passwords", "password", "passwort", "kennwort", "passcode", "passwd", "pwd", "pw"];

    private static readonly string[] BirthPhrases = ["geboortedatum", "geburtsdatum", "date of birth", "birth date", "birthdate", "geburtstag", "geboren", "birthday", "d.o.b.", "born", "geb.", "dob"];

    private static readonly SearchValues<string> Phrases = SearchValues.Create([.. PasswordPhrases, .. BirthPhrases], StringComparison.OrdinalIgnoreCase);

    // Words that link a phrase to its value.
    private static readonly FrozenSet<string> Verbs = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "is", "was", "ist", "war", "lautet", "lautete", "luidt", "wordt", "are", "sind", "zijn");

    // Words that say the sentence is about the password, not what it is.
    private static readonly FrozenSet<string> NotAValue = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "incorrect", "wrong", "expired", "invalid", "correct", "required", "too", "not", "reset", "changed", "missing", "empty", "the", "a", "an", "still", "now",
        "sent", "hidden", "secret", "strong", "weak", "forgotten", "policy", "manager", "hint", "change", "requirements", "case-sensitive", "blocked", "locked", "set",
        "falsch", "abgelaufen", "ungültig", "nicht", "zu", "korrekt", "richtig", "vergessen", "geändert", "leer", "gesperrt", "zurückgesetzt", "der", "die", "das", "ein", "eine", "jetzt", "noch", "sicher", "schwach", "stark", "ändern", "richtlinie", "hinweis",
        "see", "siehe", "zie", "s.o.", "s.u.", "unchanged", "unverändert", "ongewijzigd", "same", "dasselbe", "hetzelfde", "attached", "anbei", "bijgevoegd",
        "separately", "separat", "apart", "unknown", "unbekannt", "onbekend", "none", "keins", "geen", "n/a", "tbd",
        "ask", "frag", "fragen", "vraag", "wie", "zoals", "like", "staat", "steht", "stands", "via", "per", "from", "von", "van", "bei", "bij",
        "usual", "üblich", "gewohnt", "follows", "folgt", "volgt", "below", "unten", "above", "oben", "hieronder", "hierboven",
        "leider", "helaas", "unfortunately", "sadly", "already", "bereits", "schon", "al", "again", "wieder", "opnieuw", "always", "immer", "altijd",
        "verlopen", "onjuist", "fout", "niet", "te", "gewijzigd", "vergeten", "leeg", "verkeerd", "een", "de", "het", "nu", "nog", "geblokkeerd", "veilig", "zwak", "sterk", "wijzigen", "beleid", "verstuurd", "gesendet");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbLookup = Verbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotAValueLookup = NotAValue.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches, PiiTypeSet types)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(Phrases);
            if (found < 0)
            {
                return;
            }

            var start = position + found;
            position = start + 1;
            // Inside a word, or the label of a redaction marker ("[PASSWORD:kqzvbxmwte]").
            if (Chars.IsWordAt(text, start - 1) || (start > 0 && text[start - 1] == '['))
            {
                continue;
            }

            var rest = text[start..];
            var passwordPhrase = FindPhrase(PasswordPhrases, rest);
            if (passwordPhrase is not null)
            {
                if (types.Contains(PiiType.Password) && !Chars.IsWordAt(text, start + passwordPhrase.Length) && TryPassword(text, start + passwordPhrase.Length, out var secret))
                {
                    matches.Add(secret);
                    position = secret.End;
                }

                continue;
            }

            var birthPhrase = FindPhrase(BirthPhrases, rest);
            if (birthPhrase is not null && types.Contains(PiiType.DateOfBirth))
            {
                var phraseEnd = start + birthPhrase.Length;
                if ((birthPhrase[^1] == '.' || !Chars.IsWordAt(text, phraseEnd)) && (TryDateAfter(text, phraseEnd, out var date) || TryDateBefore(text, start, out date)))
                {
                    matches.Add(date);
                    position = Math.Max(position, date.End);
                }
            }
        }
    }

    private static string? FindPhrase(string[] phrases, ReadOnlySpan<char> rest)
    {
        foreach (var phrase in phrases)
        {
            if (rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return phrase;
            }
        }

        return null;
    }

    private static bool TryPassword(ReadOnlySpan<char> text, int index, out PiiMatch secret)
    {
        secret = default;
        var limit = Math.Min(text.Length, index + MaxLeadChars);
        var linked = false;
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
                continue;
            }

            if (linked)
            {
                break;
            }

            if (!char.IsLetter(c) && c != '(')
            {
                return false;
            }

            // A lead word: a verb links; "for the portal" and the like may sit between phrase and verb.
            var wordEnd = index;
            while (wordEnd < limit && (char.IsLetter(text[wordEnd]) || text[wordEnd] is '(' or ')'))
            {
                wordEnd++;
            }

            var word = text[index..wordEnd].Trim("()");
            if (VerbLookup.Contains(word))
            {
                linked = true;
            }
            else if (NotAValueLookup.Contains(word) && !IsArticle(word))
            {
                return false;
            }

            index = wordEnd;
        }

        if (!linked || index >= text.Length)
        {
            return false;
        }

        if (IsRedactionMarker(text[index..]) || MaskedValue.IsPlaceholderAt(text, index))
        {
            // Already redacted or hidden: "password: [REDACTED:PASSWORD]", "Passwort: [entfernt]" stay as they are.
            return false;
        }

        var quote = text[index] is '"' or '\'' or '„' or '“' or '‘' or '`' or '«' ? text[index] : '\0';
        var valueStart = quote == '\0' ? index : index + 1;
        var valueEnd = valueStart;
        while (valueEnd < text.Length && valueEnd - valueStart < MaxSecretChars && (quote == '\0' ? !char.IsWhiteSpace(text[valueEnd]) : !IsClosingQuote(text[valueEnd]) && text[valueEnd] != '\n'))
        {
            valueEnd++;
        }

        if (quote == '\0')
        {
            while (valueEnd > valueStart && text[valueEnd - 1] is '.' or ',' or ';' or ':' or ')' or '"' or '\'' or '”' or '“' or '’')
            {
                valueEnd--;
            }
        }

        var value = text[valueStart..valueEnd];
        if (value.Length < 3 || NotAValueLookup.Contains(value.TrimStart("([{<")) || MaskedValue.IsMaskRun(value))
        {
            return false;
        }

        secret = new PiiMatch(valueStart, valueEnd - valueStart, PiiType.Password);
        return true;
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

    private static bool IsArticle(ReadOnlySpan<char> word) =>
        word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("das", StringComparison.OrdinalIgnoreCase) || word.Equals("het", StringComparison.OrdinalIgnoreCase)
        || word.Equals("de", StringComparison.OrdinalIgnoreCase) || word.Equals("der", StringComparison.OrdinalIgnoreCase) || word.Equals("die", StringComparison.OrdinalIgnoreCase);

    private static bool IsClosingQuote(char c) => c is '"' or '\'' or '“' or '”' or '’' or '`' or '»';

    /// <summary>German word order puts the date first: "ich bin am 12.03.1985 geboren", "born 12 March 1985".</summary>
    private static bool TryDateBefore(ReadOnlySpan<char> text, int phraseStart, out PiiMatch date)
    {
        date = default;
        var end = phraseStart;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        if (end == phraseStart || end == 0 || !Chars.IsDigit(text[end - 1]))
        {
            return false;
        }

        for (var start = Math.Max(0, end - 20); start < end; start++)
        {
            if (!Chars.IsWordAt(text, start - 1) && Chars.IsDigit(text[start]) && DateParser.TryRead(text, start) == end)
            {
                date = new PiiMatch(start, end - start, PiiType.DateOfBirth);
                return true;
            }
        }

        return false;
    }

    private static bool TryDateAfter(ReadOnlySpan<char> text, int index, out PiiMatch date)
    {
        date = default;
        var limit = Math.Min(text.Length, index + MaxDateDistance);
        for (var i = index; i < limit; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return false;
            }

            if (Chars.IsWordAt(text, i - 1) || !(Chars.IsDigit(c) || char.IsLetter(c)))
            {
                continue;
            }

            var end = DateParser.TryRead(text, i);
            if (end > 0)
            {
                date = new PiiMatch(i, end - i, PiiType.DateOfBirth);
                return true;
            }

            if (Chars.IsDigit(c))
            {
                // The first number after the phrase is not a date: an age, a count, not a birth date.
                return false;
            }
        }

        return false;
    }
}
