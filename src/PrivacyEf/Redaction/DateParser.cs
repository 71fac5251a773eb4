namespace PrivacyEf.Redaction;

/// <summary>Reads a full date (with a year) in the numeric and written forms used in English, German and Dutch.</summary>
internal static class DateParser
{
    private static readonly (string Name, int Month)[] MonthNames =
    [
        ("january", 1), ("januar", 1), ("januari", 1), ("jänner", 1), ("jan", 1),
        ("february", 2), ("februar", 2), ("februari", 2), ("feb", 2),
        ("march", 3), ("märz", 3), ("maerz", 3), ("maart", 3), ("mar", 3), ("mrz", 3), ("mrt", 3),
        ("april", 4), ("apr", 4),
        ("may", 5), ("mai", 5), ("mei", 5),
        ("june", 6), ("juni", 6), ("jun", 6),
        ("july", 7), ("juli", 7), ("jul", 7),
        ("august", 8), ("augustus", 8), ("aug", 8),
        ("september", 9), ("sept", 9), ("sep", 9),
        ("october", 10), ("oktober", 10), ("oct", 10), ("okt", 10),
        ("november", 11), ("nov", 11),
        ("december", 12), ("dezember", 12), ("dec", 12), ("dez", 12),
    ];

    /// <summary>Reads a date starting at <paramref name="start"/>; returns its end, or -1.</summary>
    public static int TryRead(ReadOnlySpan<char> text, int start)
    {
        if (start >= text.Length)
        {
            return -1;
        }

        return Chars.IsDigit(text[start]) ? TryReadStartingWithNumber(text, start) : TryReadStartingWithMonth(text, start);
    }

    private static int TryReadStartingWithNumber(ReadOnlySpan<char> text, int start)
    {
        var index = ReadNumber(text, start, 4, out var first, out var firstDigits);
        if (index < text.Length && text[index] is '.' or '/' or '-')
        {
            var separator = text[index];
            var next = ReadNumber(text, index + 1, 2, out var second, out var secondDigits);
            if (secondDigits > 0 && next < text.Length && text[next] == separator)
            {
                var yearEnd = ReadNumber(text, next + 1, 4, out var third, out var thirdDigits);
                if (firstDigits == 4 && thirdDigits is 1 or 2)
                {
                    return IsDate(third, second, first, 4) && !Chars.IsWordAt(text, yearEnd) ? yearEnd : -1;
                }

                // Day first (Europe) or, with slashes, month first (US): "12/03/1985", "03/21/1985".
                var dayFirst = IsDate(first, second, third, thirdDigits);
                var monthFirst = separator == '/' && IsDate(second, first, third, thirdDigits);
                return firstDigits <= 2 && (dayFirst || monthFirst) && !Chars.IsWordAt(text, yearEnd) ? yearEnd : -1;
            }

            if (separator == '.' && firstDigits <= 2)
            {
                // "12. März 1985"
                return TryReadMonthAndYear(text, SkipSpaces(text, index + 1), first);
            }

            return -1;
        }

        if (firstDigits > 2)
        {
            return -1;
        }

        // "12 March 1985", "12th of March 1985", "12 maart 1985"
        var after = index;
        if (after + 1 < text.Length && text.Slice(after, 2) is "st" or "nd" or "rd" or "th")
        {
            after += 2;
        }

        after = SkipSpaces(text, after);
        if (text[after..].StartsWith("of ", StringComparison.OrdinalIgnoreCase))
        {
            after += 3;
        }

        return after > index ? TryReadMonthAndYear(text, after, first) : -1;
    }

    private static int TryReadMonthAndYear(ReadOnlySpan<char> text, int start, int day)
    {
        var month = ReadMonthName(text, start, out var monthEnd);
        if (month == 0)
        {
            return -1;
        }

        var index = SkipSpaces(text, monthEnd < text.Length && text[monthEnd] == ',' ? monthEnd + 1 : monthEnd);
        var yearEnd = ReadNumber(text, index, 4, out var year, out var yearDigits);
        return yearDigits == 4 && IsDate(day, month, year, 4) && !Chars.IsWordAt(text, yearEnd) ? yearEnd : -1;
    }

    private static int TryReadStartingWithMonth(ReadOnlySpan<char> text, int start)
    {
        // "March 12, 1985"
        var month = ReadMonthName(text, start, out var monthEnd);
        if (month == 0)
        {
            return -1;
        }

        var index = SkipSpaces(text, monthEnd);
        var dayEnd = ReadNumber(text, index, 2, out var day, out var dayDigits);
        if (dayDigits == 0)
        {
            return -1;
        }

        if (dayEnd + 1 < text.Length && text.Slice(dayEnd, 2) is "st" or "nd" or "rd" or "th")
        {
            dayEnd += 2;
        }

        index = SkipSpaces(text, dayEnd < text.Length && text[dayEnd] == ',' ? dayEnd + 1 : dayEnd);
        var yearEnd = ReadNumber(text, index, 4, out var year, out var yearDigits);
        return yearDigits == 4 && IsDate(day, month, year, 4) && !Chars.IsWordAt(text, yearEnd) ? yearEnd : -1;
    }

    private static int ReadMonthName(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        while (end < text.Length && end - start < 10 && char.IsLetter(text[end]))
        {
            end++;
        }

        var word = text[start..end];
        foreach (var (name, month) in MonthNames)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                if (end < text.Length && text[end] == '.')
                {
                    end++;
                }

                return month;
            }
        }

        return 0;
    }

    private static bool IsDate(int day, int month, int year, int yearDigits) =>
        day is >= 1 and <= 31 && month is >= 1 and <= 12 && (yearDigits == 2 || (yearDigits == 4 && year is >= 1900 and <= 2099));

    private static int SkipSpaces(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index;
    }

    private static int ReadNumber(ReadOnlySpan<char> text, int start, int maxDigits, out int value, out int digits)
    {
        value = 0;
        digits = 0;
        var index = start;
        while (index < text.Length && Chars.IsDigit(text[index]))
        {
            if (digits == maxDigits)
            {
                digits = 0;
                return start;
            }

            value = (value * 10) + (text[index] - '0');
            digits++;
            index++;
        }

        return index;
    }
}
