namespace PrivacyEf.Redaction;

/// <summary>
/// Finds the numeric identifiers: card numbers, IBANs, tax ids, KVNRs, BSNs, SSNs, IPv4 addresses and phone
/// numbers. A number is read as digit groups joined by short separators; every window of at most
/// <see cref="MaxWindowChars"/> characters is tried, longest first, so the work per character is bounded and
/// the scan is linear in the text. <see cref="NumberWindowClassifier"/> decides what a window is.
/// </summary>
internal static class NumberScanner
{
    private const int MaxWindowChars = 40;
    private const int MaxDigits = NumberWindowClassifier.MaxDigits;
    private const int MaxSeparatorChars = 3;

    // A run of more groups than this ("1 2 3 4 ...") is read in overlapping slices, so memory stays bounded.
    // A window never spans more than MaxDigits groups, so an overlap of that many groups loses none.
    private const int MaxGroupsPerSlice = 64;
    private const int SliceOverlap = MaxDigits + 1;

    [ThreadStatic]
    private static List<DigitGroup>? groupScratch;

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches, PiiTypeSet types)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAnyInRange('0', '9');
            if (found < 0)
            {
                return;
            }

            var digit = position + found;
            var wordStart = digit;
            while (wordStart > 0 && digit - wordStart < 3 && Chars.IsAsciiLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordStart < digit || Chars.IsWordAt(text, digit - 1))
            {
                position = ScanAlphanumeric(text, wordStart, digit, matches, types);
                continue;
            }

            position = ScanNumber(text, digit, IsIdentifierFragment(text, digit), matches, types);
        }
    }

    /// <summary>Digits after a word and a dash, slash or dot ("INV-2024-0012", "v.1", "Nr.4111..."): part of an identifier unless a label vouches for them.</summary>
    private static bool IsIdentifierFragment(ReadOnlySpan<char> text, int digit) =>
        digit >= 2 && text[digit - 1] is '-' or '/' or '.' && Chars.IsWord(text[digit - 2]);

    private static int SkipWord(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && Chars.IsWord(text[index]))
        {
            index++;
        }

        return index;
    }

    private static int ScanAlphanumeric(ReadOnlySpan<char> text, int wordStart, int digit, List<PiiMatch> matches, PiiTypeSet types)
    {
        var end = SkipWord(text, digit);
        if (Chars.IsWordAt(text, wordStart - 1))
        {
            return end;
        }

        var letters = digit - wordStart;
        if (letters == 2 && types.Contains(PiiType.Iban) && Chars.IsDigit(text[digit + 1 < text.Length ? digit + 1 : digit]))
        {
            var ibanEnd = IbanReader.TryRead(text, wordStart, out var scanned);
            if (ibanEnd > 0)
            {
                matches.Add(new PiiMatch(wordStart, ibanEnd - wordStart, PiiType.Iban));
                return Math.Max(end, ibanEnd);
            }

            // An IBAN with a wrong check or length: its groups are not numbers of their own.
            return Math.Max(end, scanned);
        }
        else if (letters == 1 && types.Contains(PiiType.GermanHealthInsuranceNumber) && Chars.IsUpper(text[wordStart]) && end - digit == 9
            && Checksums.GermanHealthInsuranceNumber(text[wordStart], text.Slice(digit, 9)) && AllDigits(text.Slice(digit, 9)))
        {
            matches.Add(new PiiMatch(wordStart, 10, PiiType.GermanHealthInsuranceNumber));
        }

        return end;
    }

    private static bool AllDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');

    private static int ScanNumber(ReadOnlySpan<char> text, int digit, bool glued, List<PiiMatch> matches, PiiTypeSet types)
    {
        var prefix = !glued && digit > 0 && text[digit - 1] is '+' or '(' && !Chars.IsWordAt(text, digit - 2) ? text[digit - 1] : '\0';
        var groups = groupScratch ??= [];
        groups.Clear();
        var index = digit;
        while (true)
        {
            var groupStart = index;
            while (index < text.Length && Chars.IsDigit(text[index]))
            {
                index++;
            }

            groups.Add(new DigitGroup(groupStart, index));
            if (groups.Count == MaxGroupsPerSlice)
            {
                break;
            }

            var separatorEnd = index;
            while (separatorEnd < text.Length && separatorEnd - index < MaxSeparatorChars && IsSeparator(text[separatorEnd]))
            {
                separatorEnd++;
            }

            if (separatorEnd == index || separatorEnd >= text.Length || !Chars.IsDigit(text[separatorEnd]))
            {
                break;
            }

            index = separatorEnd;
        }

        var tokenEnd = index;

        // A last group glued to a word ("3x", "12abc") is not part of a number.
        var sliced = groups.Count == MaxGroupsPerSlice;
        var usable = groups.Count;
        if (sliced)
        {
            usable = MaxGroupsPerSlice - SliceOverlap;
        }
        else if (Chars.IsWordAt(text, tokenEnd))
        {
            usable--;
        }

        // "EAN 4006381333931", "ISBN 978-3-16-148410-0": product codes carry check digits of their own and are not personal.
        if (FollowsProductCodeWord(text, prefix == '\0' ? digit : digit - 1))
        {
            return Math.Max(tokenEnd, digit + 1);
        }

        var g = 0;
        var afterMatch = false;
        while (g < usable)
        {
            if (g > 0 && !afterMatch && !StartsNewValue(text, groups, g))
            {
                g++;
                continue;
            }

            var last = LongestWindowEnd(groups, g, sliced ? groups.Count : usable);
            var matched = false;
            for (var h = last; h >= g; h--)
            {
                var windowPrefix = g == 0 ? prefix : '\0';
                if (NumberWindowClassifier.Classify(text, groups, g, h, windowPrefix, glued && g == 0, types) is { } match)
                {
                    matches.Add(match);
                    g = h + 1;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                g++;
            }

            afterMatch = matched;
        }

        // A sliced run goes on with its overlap, read again as the start of the next slice.
        return sliced ? Math.Max(groups[usable].Start, digit + 1) : Math.Max(tokenEnd, digit + 1);
    }

    /// <summary>
    /// Whether a value may start at a later group of a number: only after a wide separator (" / ", " - ", two
    /// spaces), as in a list of phone numbers, and only where that separator does not also join the groups
    /// beside it ("4502  0677  6781  5322" is one number, its tail no phone number). After a single space or
    /// dash the group belongs to what came before ("DE88 3704 0044 ..." with a wrong check is not a phone number
    /// from its third group on).
    /// </summary>
    private static bool StartsNewValue(ReadOnlySpan<char> text, List<DigitGroup> groups, int g)
    {
        var separator = SeparatorBefore(text, groups, g);
        if (separator.ContainsAny('\r', '\n'))
        {
            // A value may start on a new line; only a card goes on across one (NumberWindowClassifier).
            return true;
        }

        if (separator.Length < 2 || !separator.ContainsAny(' ', '/') || separator.Contains('('))
        {
            return false;
        }

        return !(g >= 2 && SeparatorBefore(text, groups, g - 1).SequenceEqual(separator))
            && !(g + 1 < groups.Count && SeparatorBefore(text, groups, g + 1).SequenceEqual(separator));
    }

    private static ReadOnlySpan<char> SeparatorBefore(ReadOnlySpan<char> text, List<DigitGroup> groups, int g) => text[groups[g - 1].End..groups[g].Start];

    private static int LongestWindowEnd(List<DigitGroup> groups, int first, int usable)
    {
        var start = groups[first].Start;
        var digits = 0;
        var h = first;
        while (h < usable)
        {
            digits += groups[h].Length;
            if (digits > MaxDigits || groups[h].End - start > MaxWindowChars)
            {
                break;
            }

            h++;
        }

        return Math.Max(first, h - 1);
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '-' or '.' or '/' or '(' or ')' or '\r' or '\n';

    private static bool FollowsProductCodeWord(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - 10);
        var before = text[from..start];
        return before.Contains("EAN", StringComparison.Ordinal) || before.Contains("GTIN", StringComparison.Ordinal)
            || before.Contains("ISBN", StringComparison.Ordinal) || before.Contains("SKU", StringComparison.Ordinal);
    }
}
