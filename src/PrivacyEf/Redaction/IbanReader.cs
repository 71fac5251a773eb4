namespace PrivacyEf.Redaction;

/// <summary>
/// Reads an IBAN in electronic form or as typed: in any case, in groups of any size, with spaces, tabs or a
/// line break between them (a long IBAN wraps). The country's length and the mod-97 check decide, so the
/// loose reading costs no precision: a wrong read fails the check.
/// </summary>
internal static class IbanReader
{
    private const int MaxIbanLength = 34;
    private const int MaxSeparatorChars = 3;

    /// <summary>Reads the IBAN that starts at <paramref name="start"/>; returns its end, or 0. <paramref name="scanned"/> is how far it read.</summary>
    public static int TryRead(ReadOnlySpan<char> text, int start, out int scanned)
    {
        var length = IbanLengths.For(ToUpper(text[start]), ToUpper(text[start + 1]));
        scanned = start;
        if (length == 0)
        {
            return 0;
        }

        Span<char> iban = stackalloc char[MaxIbanLength];
        var count = 0;
        var index = start;
        while (count < length && index < text.Length)
        {
            var c = text[index];
            if (Chars.IsDigit(c) || Chars.IsAsciiLetter(c))
            {
                iban[count++] = ToUpper(c);
                index++;
                continue;
            }

            var separatorEnd = index;
            while (separatorEnd < text.Length && separatorEnd - index < MaxSeparatorChars && text[separatorEnd] is ' ' or '\t' or '\r' or '\n')
            {
                separatorEnd++;
            }

            if (count < 4 || separatorEnd == index || separatorEnd >= text.Length || !(Chars.IsDigit(text[separatorEnd]) || Chars.IsAsciiLetter(text[separatorEnd])))
            {
                break;
            }

            index = separatorEnd;
        }

        scanned = index;
        // A letter right after it ("...1643 00BIC ...") is the next word, typed without a space: the country's
        // length and the check have said where the IBAN ends. A digit would make it a longer number.
        return count == length && !Chars.IsDigit(index < text.Length ? text[index] : ' ') && !(index < text.Length && text[index] == '_')
            && Checksums.Iban(iban[..count]) ? index : 0;
    }

    private static char ToUpper(char c) => Chars.IsAsciiLetter(c) ? (char)(c & ~0x20) : c;
}
