using System.Buffers;

namespace PrivacyEf.Redaction;

/// <summary>
/// Finds passwords and dates of birth, which have no format of their own, by the phrases that introduce them in
/// English, German and Dutch: one pass over the text for both. Dates of birth here ("born on", "geboren am",
/// "geboortedatum"); passwords in <see cref="PasswordScanner"/>. Each phrase looks a bounded distance ahead, so
/// the scan is linear.
/// </summary>
internal static class ContextPhraseScanner
{
    private const int MaxDateDistance = 64;
    private const int NearDateDistance = 32;

    // Longest first, so "date of birth" is tried before "birth".
    private static readonly string[] BirthPhrases = ["geboortedatum", "geburtsdatum", "date_of_birth", "birth_date", "date of birth", "birth date", "birthdate", "geburtstag", "geboren", "birthday", "d.o.b.", "born", "geb.", "dob"];

    private static readonly SearchValues<string> BirthOnly = SearchValues.Create(BirthPhrases, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PasswordOnly = SearchValues.Create(PasswordScanner.Triggers, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> Both = SearchValues.Create([.. BirthPhrases, .. PasswordScanner.Triggers], StringComparison.OrdinalIgnoreCase);

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches, PiiTypeSet types)
    {
        var passwords = types.Contains(PiiType.Password);
        var births = types.Contains(PiiType.DateOfBirth);
        var phrases = passwords && births ? Both : passwords ? PasswordOnly : BirthOnly;
        if (passwords)
        {
            ScanSharpS(text, matches);
        }

        var position = 0;
        var columnsReadUntil = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(phrases);
            if (found < 0)
            {
                return;
            }

            var start = position + found;
            if (passwords && FindPhrase(PasswordScanner.Triggers, text[start..]) is not null)
            {
                position = PasswordScanner.ScanAt(text, start, matches);
                continue;
            }

            position = start + 1;
            // Inside a word, or the label of a redaction marker ("[DATE_OF_BIRTH:...]").
            if (Chars.IsWordAt(text, start - 1) || (start > 0 && text[start - 1] == '['))
            {
                continue;
            }

            var rest = text[start..];
            var birthPhrase = FindPhrase(BirthPhrases, rest);
            if (birthPhrase is not null)
            {
                var phraseEnd = start + birthPhrase.Length;
                if ((birthPhrase[^1] == '.' || !Chars.IsWordAt(text, phraseEnd)) && (TryDateAfter(text, phraseEnd, out var date) || TryDateBefore(text, start, out date)))
                {
                    matches.Add(date);
                    position = Math.Max(position, date.End);
                }
                else if (start >= columnsReadUntil)
                {
                    // "Name;Geburtsdatum;Telefon" over rows: the phrase heads a column of dates.
                    columnsReadUntil = DateColumn.Scan(text, start, phraseEnd, matches);
                }
            }
        }
    }

    /// <summary>"Paßwort": the one label with a letter outside ASCII, found by its own (fast) search.</summary>
    private static void ScanSharpS(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var position = 2;
        while (position < text.Length)
        {
            var found = text[position..].IndexOf(PasswordLabel.SharpSTrigger, StringComparison.Ordinal);
            if (found < 0)
            {
                return;
            }

            var start = position + found - 2;
            position = text[start..].StartsWith("pa", StringComparison.OrdinalIgnoreCase) ? PasswordScanner.ScanAt(text, start, matches) : start + 3;
            position = Math.Max(position, start + 3);
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
            // "Date of birth on the account is wrong, it should be 29.07.1997": far from the phrase, but in its sentence.
            if (c is '\n' or '\r' || (i - index >= NearDateDistance && c is '.' or '!' or '?' && i + 1 < text.Length && text[i + 1] == ' '))
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
