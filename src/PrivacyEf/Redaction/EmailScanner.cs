using System.Collections.Frozen;

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

            if (start == at || text[at - 1] == '.' || (start > 0 && IsLocalChar(text[start - 1]) && text[start - 1] != '.') || IsUrlPassword(text, start))
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

            var domain = text[(at + 1)..end];
            if (IsDomain(domain) && !IsAssetName(domain))
            {
                matches.Add(new PiiMatch(start, end - start, PiiType.Email));
                position = end;
            }
        }
    }

    /// <summary>
    /// "logo@2x.png", "icon@1.5x.webp", "scan@page2.pdf": an image density suffix, or a "top-level domain" that
    /// is a file extension and no real TLD, names a file, not a mailbox.
    /// </summary>
    private static bool IsAssetName(ReadOnlySpan<char> domain)
    {
        var index = 0;
        while (index < domain.Length && (Chars.IsDigit(domain[index]) || (index > 0 && domain[index] == '.' && Chars.IsDigit(domain[index - 1]))))
        {
            index++;
        }

        if (index > 0 && index < domain.Length && domain[index] is 'x' or 'X' && (index + 1 == domain.Length || domain[index + 1] is '.' or '-' or '_'))
        {
            return true;
        }

        var extension = domain[(domain.LastIndexOf('.') + 1)..];
        return FileExtensionLookup.Contains(extension);
    }

    // None of these is a delegated top-level domain (unlike .zip, .mov, .py, .sh, .md or .rs, which are left out).
    private static readonly FrozenSet<string> FileExtensions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic", "pdf", "css", "js", "mjs", "json", "xml", "txt", "csv", "mp3",
        "mp4", "webm", "wav", "woff", "woff2", "ttf", "otf", "eot", "docx", "xlsx", "pptx", "html", "htm", "yaml", "yml", "log", "tmp", "bak", "psd");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FileExtensionLookup = FileExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"https://admin:hunter91@host": the part before the "@" is a password (see <see cref="PasswordScanner"/>), the part after a host.</summary>
    private static bool IsUrlPassword(ReadOnlySpan<char> text, int start)
    {
        if (start < 2 || text[start - 1] != ':')
        {
            return false;
        }

        var user = start - 1;
        while (user > 0 && start - user < MaxLocalPart && IsLocalChar(text[user - 1]))
        {
            user--;
        }

        return text[..user].EndsWith("://", StringComparison.Ordinal);
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
