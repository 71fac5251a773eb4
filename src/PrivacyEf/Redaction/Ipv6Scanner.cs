using System.Net;
using System.Net.Sockets;

namespace PrivacyEf.Redaction;

/// <summary>Finds IPv6 addresses: runs of hex digits and colons around a colon, confirmed by <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>.</summary>
internal static class Ipv6Scanner
{
    private const int MaxAddressChars = 45;

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOf(':');
            if (found < 0)
            {
                return;
            }

            var colon = position + found;
            var start = colon;

            // Never back into the run already looked at: that keeps a text of colons linear with a small constant.
            while (start > position && colon - start < MaxAddressChars && (Chars.IsHex(text[start - 1]) || text[start - 1] == ':'))
            {
                start--;
            }

            var end = colon + 1;
            while (end < text.Length && end - start < MaxAddressChars && (Chars.IsHex(text[end]) || text[end] is ':' or '.'))
            {
                end++;
            }

            position = end;
            while (end > colon && text[end - 1] == '.')
            {
                end--;
            }

            if (Chars.IsWordAt(text, start - 1) || Chars.IsWordAt(text, end) || (end < text.Length && text[end] == ':'))
            {
                continue;
            }

            var candidate = text[start..end];
            if (candidate.Count(':') >= 2 && CountHex(candidate) >= 4
                && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                matches.Add(new PiiMatch(start, end - start, PiiType.IpAddress));
            }
        }
    }

    private static int CountHex(ReadOnlySpan<char> span)
    {
        var count = 0;
        foreach (var c in span)
        {
            if (Chars.IsHex(c))
            {
                count++;
            }
        }

        return count;
    }
}
