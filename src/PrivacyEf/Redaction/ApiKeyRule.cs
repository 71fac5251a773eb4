namespace PrivacyEf.Redaction;

/// <summary>One issuer's key format: its prefix, the body's length range and alphabet.</summary>
internal sealed record ApiKeyRule(string Prefix, int MinBody, int MaxBody, ApiKeyAlphabet Alphabet)
{
    public bool Allows(char c) => Alphabet switch
    {
        ApiKeyAlphabet.UpperAlphanumeric => Chars.IsUpper(c) || Chars.IsDigit(c),
        ApiKeyAlphabet.Alphanumeric => Chars.IsAsciiLetter(c) || Chars.IsDigit(c),
        ApiKeyAlphabet.AlphanumericUnderscore => Chars.IsAsciiLetter(c) || Chars.IsDigit(c) || c == '_',
        ApiKeyAlphabet.UrlSafe => Chars.IsAsciiLetter(c) || Chars.IsDigit(c) || c is '_' or '-',
        _ => Chars.IsAsciiLetter(c) || Chars.IsDigit(c) || c is '_' or '-' or '.',
    };
}
