namespace PrivacyEf.Redaction;

/// <summary>
/// Finds the numeric identifiers: card numbers, IBANs, tax ids, KVNRs, BSNs, SSNs, IPv4 addresses and phone
/// numbers. A number is read as digit groups joined by short separators; every window of at most
/// <see cref="MaxWindowChars"/> characters is tried, longest first, so the work per character is bounded and
/// the scan is linear in the text.
/// </summary>
internal static class NumberScanner
{
    private const int MaxWindowChars = 40;
    private const int MaxDigits = 19;
    private const int MaxSeparatorChars = 3;

    // A run of more groups than this ("1 2 3 4 ...") is read in overlapping slices, so memory stays bounded.
    // A window never spans more than MaxDigits groups, so an overlap of that many groups loses none.
    private const int MaxGroupsPerSlice = 64;
    private const int SliceOverlap = MaxDigits + 1;

    [ThreadStatic]
    private static List<Group>? groupScratch;

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

            if (IsIdentifierFragment(text, digit))
            {
                position = SkipIdentifier(text, digit);
                continue;
            }

            position = ScanNumber(text, digit, matches, types);
        }
    }

    /// <summary>Digits after a word and a dash, slash or dot ("INV-2024-0012", "v.1"): part of an identifier, not a value.</summary>
    private static bool IsIdentifierFragment(ReadOnlySpan<char> text, int digit) =>
        digit >= 2 && text[digit - 1] is '-' or '/' or '.' && Chars.IsWord(text[digit - 2]);

    private static int SkipIdentifier(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && (Chars.IsWord(text[index]) || (text[index] is '-' or '/' or '.' && Chars.IsWordAt(text, index + 1))))
        {
            index++;
        }

        return index;
    }

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
        if (letters == 2 && types.Contains(PiiType.Iban) && Chars.IsUpper(text[wordStart]) && Chars.IsUpper(text[wordStart + 1]) && Chars.IsDigit(text[digit]) && Chars.IsDigit(text[digit + 1 < text.Length ? digit + 1 : digit]))
        {
            var ibanEnd = TryIban(text, wordStart, out var scanned);
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

    /// <summary>Reads an IBAN in electronic form or printed in groups of four; returns its end, or 0.</summary>
    private static int TryIban(ReadOnlySpan<char> text, int start, out int scanned)
    {
        var length = IbanLengths.For(text[start], text[start + 1]);
        scanned = start;
        if (length == 0)
        {
            return 0;
        }

        Span<char> iban = stackalloc char[34];
        var count = 0;
        var index = start;
        while (count < length && index < text.Length)
        {
            var c = text[index];
            if (Chars.IsDigit(c) || Chars.IsUpper(c))
            {
                iban[count++] = c;
                index++;
            }
            else if (c == ' ' && count % 4 == 0 && index + 1 < text.Length && (Chars.IsDigit(text[index + 1]) || Chars.IsUpper(text[index + 1])))
            {
                index++;
            }
            else
            {
                break;
            }
        }

        scanned = index;
        return count == length && !Chars.IsWordAt(text, index) && Checksums.Iban(iban[..count]) ? index : 0;
    }

    private static int ScanNumber(ReadOnlySpan<char> text, int digit, List<PiiMatch> matches, PiiTypeSet types)
    {
        var prefix = digit > 0 && text[digit - 1] is '+' or '(' && !Chars.IsWordAt(text, digit - 2) ? text[digit - 1] : '\0';
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

            groups.Add(new Group(groupStart, index));
            if (groups.Count == MaxGroupsPerSlice)
            {
                break;
            }

            var separatorEnd = index;
            while (separatorEnd < text.Length && separatorEnd - index < MaxSeparatorChars && IsSeparator(text[separatorEnd]))
            {
                separatorEnd++;
            }

            if (separatorEnd == index || separatorEnd >= text.Length || !Chars.IsDigit(text[separatorEnd]) || text.Slice(index, separatorEnd - index).Contains("  ", StringComparison.Ordinal))
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
        while (g < usable)
        {
            if (g > 0 && !StartsNewValue(text, groups[g - 1].End, groups[g].Start))
            {
                g++;
                continue;
            }

            var last = LongestWindowEnd(groups, g, sliced ? groups.Count : usable);
            var matched = false;
            for (var h = last; h >= g; h--)
            {
                var windowPrefix = g == 0 ? prefix : '\0';
                if (Classify(text, groups, g, h, windowPrefix, types) is { } match)
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
        }

        // A sliced run goes on with its overlap, read again as the start of the next slice.
        return sliced ? Math.Max(groups[usable].Start, digit + 1) : Math.Max(tokenEnd, digit + 1);
    }

    /// <summary>
    /// Whether a value may start at a later group of a number: only after a wide separator (" / ", " - "), as in
    /// a list of phone numbers. After a single space or dash the group belongs to what came before
    /// ("DE88 3704 0044 ..." with a wrong check is not a phone number from its third group on).
    /// </summary>
    private static bool StartsNewValue(ReadOnlySpan<char> text, int separatorStart, int separatorEnd) =>
        separatorEnd - separatorStart >= 2 && text[separatorStart..separatorEnd].ContainsAny(' ', '/') && !text[separatorStart..separatorEnd].Contains('(');

    private static int LongestWindowEnd(List<Group> groups, int first, int usable)
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

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')';

    private static PiiMatch? Classify(ReadOnlySpan<char> text, List<Group> groups, int first, int last, char prefix, PiiTypeSet types)
    {
        Span<char> digits = stackalloc char[MaxDigits + 1];
        var count = 0;
        for (var i = first; i <= last; i++)
        {
            var group = text[groups[i].Start..groups[i].End];
            if (count + group.Length > MaxDigits)
            {
                return null;
            }

            group.CopyTo(digits[count..]);
            count += group.Length;
        }

        var number = digits[..count];
        var groupCount = last - first + 1;
        var start = groups[first].Start;
        var end = groups[last].End;
        var separators = SeparatorKind.None;
        for (var i = first; i < last; i++)
        {
            separators |= Classify(text[groups[i].End..groups[i + 1].Start]);
        }

        var plain = prefix == '\0';
        if (plain && types.Contains(PiiType.CreditCard) && count is >= 13 and <= 19 && groupCount <= 5
            && separators is SeparatorKind.None or SeparatorKind.Space or SeparatorKind.Dash
            && Checksums.IsIssuedCardRange(number) && Checksums.Luhn(number))
        {
            return new PiiMatch(start, end - start, PiiType.CreditCard);
        }

        if (plain && types.Contains(PiiType.GermanTaxId) && count == 11 && groupCount <= 4 && separators is SeparatorKind.None or SeparatorKind.Space or SeparatorKind.Slash
            && Checksums.GermanTaxId(number))
        {
            return new PiiMatch(start, end - start, PiiType.GermanTaxId);
        }

        if (plain && count == 9)
        {
            if (types.Contains(PiiType.DutchBsn) && (groupCount == 1 || (separators is SeparatorKind.Dot or SeparatorKind.Space && groupCount == 3 && groups[first].Length is 3 or 4))
                && Checksums.Elfproef(number))
            {
                return new PiiMatch(start, end - start, PiiType.DutchBsn);
            }

            if (types.Contains(PiiType.UsSsn) && groupCount == 3 && separators is SeparatorKind.Dash or SeparatorKind.Space
                && groups[first].Length == 3 && groups[first + 1].Length == 2 && groups[last].Length == 4 && Checksums.UsSsn(number))
            {
                return new PiiMatch(start, end - start, PiiType.UsSsn);
            }
        }

        if (plain && types.Contains(PiiType.IpAddress) && groupCount == 4 && separators == SeparatorKind.Dot && IsIpv4(text, groups, first) && !FollowsVersionWord(text, start))
        {
            return new PiiMatch(start, end - start, PiiType.IpAddress);
        }

        if (types.Contains(PiiType.Phone) && IsPhone(number, groups, first, last, prefix, separators))
        {
            var phoneStart = prefix == '\0' ? start : start - 1;
            return new PiiMatch(phoneStart, end - phoneStart, PiiType.Phone);
        }

        return null;
    }

    private static bool IsIpv4(ReadOnlySpan<char> text, List<Group> groups, int first)
    {
        for (var i = first; i < first + 4; i++)
        {
            var part = text[groups[i].Start..groups[i].End];
            if (part.Length > 3 || (part.Length > 1 && part[0] == '0') || int.Parse(part, provider: System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Version 2.1.0.4", "Build 10.0.2.1": four dotted numbers after such a word are a version, not an address.</summary>
    private static bool FollowsVersionWord(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - 12);
        var before = text[from..start];
        return before.Contains("version", StringComparison.OrdinalIgnoreCase)
            || before.Contains("versie", StringComparison.OrdinalIgnoreCase)
            || before.Contains("release", StringComparison.OrdinalIgnoreCase)
            || before.Contains("build", StringComparison.OrdinalIgnoreCase)
            || before.Contains("firmware", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("v ", StringComparison.OrdinalIgnoreCase);
    }

    private static bool FollowsProductCodeWord(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - 10);
        var before = text[from..start];
        return before.Contains("EAN", StringComparison.Ordinal) || before.Contains("GTIN", StringComparison.Ordinal)
            || before.Contains("ISBN", StringComparison.Ordinal) || before.Contains("SKU", StringComparison.Ordinal);
    }

    private static bool IsPhone(ReadOnlySpan<char> number, List<Group> groups, int first, int last, char prefix, SeparatorKind separators)
    {
        var count = number.Length;
        var groupCount = last - first + 1;
        if (count < 7 || groupCount > 6 || groups[last].Length < 2)
        {
            return false;
        }

        if (prefix == '+')
        {
            // E.164: a country code (no leading zero) and at most fifteen digits.
            return number[0] != '0' && count is >= 8 and <= 15;
        }

        if (number[0] == '0' && number[1] == '0')
        {
            // International prefix 00 instead of +.
            return prefix == '\0' && number[2] != '0' && count is >= 11 and <= 17 && (separators & SeparatorKind.Dot) == 0;
        }

        if (number[0] == '0')
        {
            // German and Dutch national numbers: trunk prefix 0, area code, subscriber number. Dots are left to
            // dates and amounts; a bare nine-digit run is too short to tell from other numbers.
            return number[1] != '0' && (separators & SeparatorKind.Dot) == 0 && groupCount <= 4 && groups[last].Length >= 3
                && (count is >= 10 and <= 12 || (count == 9 && groupCount >= 2));
        }

        // US: (NPA) NXX-XXXX or NPA-NXX-XXXX, optionally with a leading 1; always grouped.
        var us = number;
        var usGroups = groupCount;
        var firstGroupLength = groups[first].Length;
        if (count == 11 && number[0] == '1' && groupCount == 4 && firstGroupLength == 1)
        {
            us = number[1..];
            usGroups = 3;
            firstGroupLength = groups[first + 1].Length;
        }

        return us.Length == 10 && usGroups == 3 && firstGroupLength == 3 && groups[last].Length == 4
            && us[0] is >= '2' and <= '9' && us[3] is >= '2' and <= '9'
            && (prefix == '(' ? (separators & SeparatorKind.Paren) != 0 : separators is SeparatorKind.Dash or SeparatorKind.Dot or SeparatorKind.Space);
    }

    private static SeparatorKind Classify(ReadOnlySpan<char> separator)
    {
        if (separator.Length == 1)
        {
            return separator[0] switch
            {
                ' ' => SeparatorKind.Space,
                '-' => SeparatorKind.Dash,
                '.' => SeparatorKind.Dot,
                '/' => SeparatorKind.Slash,
                _ => SeparatorKind.Paren,
            };
        }

        var kind = SeparatorKind.None;
        foreach (var c in separator)
        {
            kind |= c switch
            {
                ' ' => SeparatorKind.Space,
                '-' => SeparatorKind.Dash,
                '.' => SeparatorKind.Dot,
                '/' => SeparatorKind.Slash,
                _ => SeparatorKind.Paren,
            };
        }

        // A spaced dash or slash ("030 - 1234", "089 / 1234") is still a dash or slash; anything longer mixes.
        return kind | SeparatorKind.Mixed;
    }

    private readonly record struct Group(int Start, int End)
    {
        public int Length => End - Start;
    }
}
