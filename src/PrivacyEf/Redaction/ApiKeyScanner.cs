using System.Buffers;

namespace PrivacyEf.Redaction;

/// <summary>Finds secret keys and tokens by their issuers' documented prefixes and body lengths.</summary>
internal static class ApiKeyScanner
{
    private const int MinCaseChanges = 6;

    private const int MaxBody = 256;

    private static readonly ApiKeyRule[] Rules =
    [
        new("github_pat_", 40, MaxBody, ApiKeyAlphabet.AlphanumericUnderscore),
        new("sk_live_", 16, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("sk_test_", 16, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("rk_live_", 16, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("rk_test_", 16, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("whsec_", 24, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("sk-proj-", 20, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("sk-ant-", 20, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("glpat-", 20, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("xoxb-", 10, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("xoxp-", 10, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("xoxa-", 10, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("xoxr-", 10, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("xoxs-", 10, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("pypi-", 50, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("ghp_", 30, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("gho_", 30, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("ghu_", 30, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("ghs_", 30, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("ghr_", 30, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("npm_", 36, MaxBody, ApiKeyAlphabet.Alphanumeric),
        new("AKIA", 16, 16, ApiKeyAlphabet.UpperAlphanumeric),
        new("ASIA", 16, 16, ApiKeyAlphabet.UpperAlphanumeric),
        new("AIza", 35, 35, ApiKeyAlphabet.UrlSafe),
        new("SG.", 60, MaxBody, ApiKeyAlphabet.UrlSafeDot),
        new("sk-", 32, MaxBody, ApiKeyAlphabet.UrlSafe),
        new("hf_", 30, MaxBody, ApiKeyAlphabet.Alphanumeric),
    ];

    private static readonly SearchValues<string> Prefixes = SearchValues.Create(Rules.Select(r => r.Prefix).ToArray(), StringComparison.Ordinal);

    public static void Scan(ReadOnlySpan<char> text, List<PiiMatch> matches)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(Prefixes);
            if (found < 0)
            {
                return;
            }

            var start = position + found;
            position = start + 1;
            if (Chars.IsWordAt(text, start - 1))
            {
                continue;
            }

            foreach (var rule in Rules)
            {
                if (!text[start..].StartsWith(rule.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var bodyStart = start + rule.Prefix.Length;
                var end = bodyStart;
                var hasDigit = false;
                var caseChanges = 0;
                while (end < text.Length && end - bodyStart <= rule.MaxBody && rule.Allows(text[end]))
                {
                    hasDigit |= Chars.IsDigit(text[end]);
                    caseChanges += end > bodyStart && Chars.IsAsciiLetter(text[end - 1]) && Chars.IsAsciiLetter(text[end]) && Chars.IsUpper(text[end - 1]) != Chars.IsUpper(text[end]) ? 1 : 0;
                    end++;
                }

                // A random body has a digit, or capitals and small letters mixed at random ("glpat-bibERtCSSCbrnBeVbSza");
                // "sk-ant-documentation" has neither. A body of one exact length ("AKIA" and 16) needs neither.
                var body = end - bodyStart;
                if (body >= rule.MinBody && body <= rule.MaxBody && (hasDigit || caseChanges >= MinCaseChanges || rule.MinBody == rule.MaxBody) && !Chars.IsWordAt(text, end))
                {
                    matches.Add(new PiiMatch(start, end - start, PiiType.ApiKey));
                    position = end;
                    break;
                }
            }
        }
    }
}
