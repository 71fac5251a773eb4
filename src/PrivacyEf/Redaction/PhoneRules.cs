namespace PrivacyEf.Redaction;

/// <summary>Whether digit groups read as a phone number: E.164, the 00 international prefix, German and Dutch national numbers, US numbers.</summary>
internal static class PhoneRules
{
    public static bool IsPhone(ReadOnlySpan<char> text, ReadOnlySpan<char> number, List<DigitGroup> groups, int first, int last, char prefix, SeparatorKind separators)
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
            // dates and amounts; a bare nine-digit run is too short to tell from other numbers. The subscriber
            // number is often typed in pairs ("06-80 82 30 15", "089 12 34 56 78"). A nine-digit number is an area code and a
            // subscriber number ("030 123456"); in three groups it is a BSN's shape ("058 227 909"). Area codes have
            // two digits or more after the 0; a lone digit is only the Dutch mobile 06 ("01 2345 6784" is no number).
            return number[1] != '0' && (separators & SeparatorKind.Dot) == 0 && !IsSsnShape(groups, first, last, separators)
                && (groups[first].Length != 2 || groupCount == 1 || number[1] == '6')
                && ((groupCount <= 4 && groups[last].Length >= 3 && (count is >= 10 and <= 12 || (count == 9 && groupCount == 2)))
                    || (count is >= 10 and <= 12 && groupCount >= 3 && SubscriberInShortGroups(groups, first, last)));
        }

        return IsUsNumber(text, number, groups, first, last, prefix, separators);
    }

    /// <summary>US: (NPA) NXX-XXXX or NPA-NXX-XXXX, optionally after the trunk prefix 1 ("1 (202) 555-0168"); always grouped.</summary>
    private static bool IsUsNumber(ReadOnlySpan<char> text, ReadOnlySpan<char> number, List<DigitGroup> groups, int first, int last, char prefix, SeparatorKind separators)
    {
        var us = number;
        var usGroups = last - first + 1;
        var areaGroup = first;
        var parenthesized = prefix == '(';
        if (number.Length == 11 && number[0] == '1' && usGroups == 4 && groups[first].Length == 1)
        {
            us = number[1..];
            usGroups = 3;
            areaGroup = first + 1;
            parenthesized = text[groups[first].End..groups[areaGroup].Start].EndsWith('(');
        }

        if (us.Length != 10 || usGroups != 3 || groups[areaGroup].Length != 3 || groups[last].Length != 4
            || us[0] is < '2' or > '9' || us[3] is < '2' or > '9')
        {
            return false;
        }

        return parenthesized
            ? (separators & SeparatorKind.Paren) != 0 && (separators & (SeparatorKind.Dot | SeparatorKind.Slash)) == 0
            : separators is SeparatorKind.Dash or SeparatorKind.Dot or SeparatorKind.Space;
    }

    /// <summary>"067-08-0000": dashed 3-2-4 is how SSNs are written (this one is not issued), not a German or Dutch number.</summary>
    private static bool IsSsnShape(List<DigitGroup> groups, int first, int last, SeparatorKind separators) =>
        last - first == 2 && separators == SeparatorKind.Dash && groups[first].Length == 3 && groups[first + 1].Length == 2 && groups[last].Length == 4;

    /// <summary>An area code, then the subscriber number in groups of two to four ("06-80 82 30 15", "0171/123 45 67", "089 12 34 56 78").</summary>
    private static bool SubscriberInShortGroups(List<DigitGroup> groups, int first, int last)
    {
        for (var i = first + 1; i <= last; i++)
        {
            if (groups[i].Length is < 2 or > 4)
            {
                return false;
            }
        }

        return groups[first].Length is >= 2 and <= 5;
    }
}
