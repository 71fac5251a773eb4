namespace PrivacyEf.Redaction;

/// <summary>Finds e-mail addresses by expanding around each '@' (a bounded amount on each side, so the scan is linear).</summary>
internal static class EmailScanner
{
    private const int MaxLocalPart = 64;
    private const int MaxDomain = 253;

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOf('@');
            if (found < 0)
            {
                return;
            }

            var at = position + found;
            position = at + 1;
            var start = at;
            while (start > 0 && at - start < MaxLocalPart && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            if (start == at || text[at - 1] == '.' || (start > 0 && IsLocalChar(text[start - 1]) && text[start - 1] != '.'))
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && end - at <= MaxDomain && (Chars.IsWord(text[end]) || text[end] is '-' or '.'))
            {
                end++;
            }

            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            if (IsDomain(text[(at + 1)..end]))
            {
                matches.Add(new PiiMatch(start, end - start, PiiType.Email));
                position = end;
            }
        }
    }

    private static bool IsLocalChar(char c) => Chars.IsWord(c) || c is '.' or '%' or '+' or '-' or '\'';

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.Length - lastDot - 1 < 2)
        {
            return false;
        }

        foreach (var c in domain[(lastDot + 1)..])
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        foreach (var label in domain.Split('.'))
        {
            var part = domain[label];
            if (part.IsEmpty || part[0] == '-' || part[^1] == '-' || part.Contains('_'))
            {
                return false;
            }
        }

        return true;
    }
}
