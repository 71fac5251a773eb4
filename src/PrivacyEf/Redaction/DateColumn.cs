namespace PrivacyEf.Redaction;

/// <summary>
/// Dates of birth in a table pasted as text: a header cell ("DOB", "Geburtsdatum", "geboortedatum") in a line of
/// cells separated by commas, semicolons, tabs or bars, and a date in the same column of the rows below it (until
/// an empty line). Cells in double quotes may hold the separator ("\"Nguyen, Thao\",130-31-9227,12.07.1963").
/// </summary>
internal static class DateColumn
{
    private const int MaxRows = 200;
    private const int MaxRowChars = 2000;

    /// <summary>Finds the dates below the header cell [<paramref name="start"/>, <paramref name="end"/>); returns where reading stopped.</summary>
    public static int Scan(ReadOnlySpan<char> text, int start, int end, List<PiiMatch> matches)
    {
        var lineStart = start == 0 ? 0 : text[..start].LastIndexOf('\n') + 1;
        var lineEnd = LineEnd(text, end);
        var header = text[lineStart..lineEnd];
        var separator = SeparatorOf(header);
        if (separator == '\0' || !IsCell(text, start, end, separator))
        {
            return end;
        }

        var column = CellIndex(text[lineStart..start], separator);
        var row = NextLine(text, lineEnd);
        for (var rows = 0; rows < MaxRows && row < text.Length; rows++)
        {
            var rowEnd = LineEnd(text, row);
            if (text[row..rowEnd].Trim().IsEmpty || rowEnd - row > MaxRowChars)
            {
                return rowEnd;
            }

            if (FindCell(text, row, rowEnd, separator, column) is var (cellStart, cellEnd) && cellEnd > cellStart)
            {
                var dateEnd = DateParser.TryRead(text, cellStart);
                if (dateEnd == cellEnd)
                {
                    matches.Add(new PiiMatch(cellStart, cellEnd - cellStart, PiiType.DateOfBirth));
                }
            }

            row = NextLine(text, rowEnd);
        }

        return Math.Min(text.Length, row);
    }

    private static int LineEnd(ReadOnlySpan<char> text, int from)
    {
        var newline = text[from..].IndexOf('\n');
        var end = newline < 0 ? text.Length : from + newline;
        return end > from && text[end - 1] == '\r' ? end - 1 : end;
    }

    private static int NextLine(ReadOnlySpan<char> text, int lineEnd)
    {
        var newline = text[lineEnd..].IndexOf('\n');
        return newline < 0 ? text.Length : lineEnd + newline + 1;
    }

    private static char SeparatorOf(ReadOnlySpan<char> header)
    {
        foreach (var separator in (ReadOnlySpan<char>)[';', '\t', '|', ','])
        {
            if (header.Contains(separator))
            {
                return separator;
            }
        }

        return '\0';
    }

    /// <summary>The phrase is the whole cell, give or take spaces and quotes: "DOB", " \"Geburtsdatum\" ".</summary>
    private static bool IsCell(ReadOnlySpan<char> text, int start, int end, char separator)
    {
        var before = start;
        while (before > 0 && text[before - 1] is ' ' or '"')
        {
            before--;
        }

        var after = end;
        while (after < text.Length && text[after] is ' ' or '"' or '\r')
        {
            after++;
        }

        return (before == 0 || text[before - 1] == separator || text[before - 1] == '\n') && (after == text.Length || text[after] == separator || text[after] == '\n');
    }

    private static int CellIndex(ReadOnlySpan<char> beforeCell, char separator)
    {
        var index = 0;
        var quoted = false;
        foreach (var c in beforeCell)
        {
            quoted ^= c == '"';
            index += !quoted && c == separator ? 1 : 0;
        }

        return index;
    }

    private static (int Start, int End)? FindCell(ReadOnlySpan<char> text, int row, int rowEnd, char separator, int column)
    {
        var index = 0;
        var cellStart = row;
        var quoted = false;
        for (var i = row; i <= rowEnd; i++)
        {
            if (i < rowEnd && text[i] == '"')
            {
                quoted = !quoted;
            }

            if (i == rowEnd || (!quoted && text[i] == separator))
            {
                if (index == column)
                {
                    var start = cellStart;
                    var end = i;
                    while (start < end && text[start] is ' ' or '"')
                    {
                        start++;
                    }

                    while (end > start && text[end - 1] is ' ' or '"')
                    {
                        end--;
                    }

                    return (start, end);
                }

                index++;
                cellStart = i + 1;
            }
        }

        return null;
    }
}
