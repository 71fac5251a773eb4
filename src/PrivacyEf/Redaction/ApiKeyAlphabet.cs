namespace PrivacyEf.Redaction;

/// <summary>The characters a key body may contain.</summary>
internal enum ApiKeyAlphabet
{
    UpperAlphanumeric,
    Alphanumeric,
    AlphanumericUnderscore,
    UrlSafe,
    UrlSafeDot,
}
