namespace PrivacyEf.Redaction;

/// <summary>
/// Whether a token can only be a secret: letters mixed with digits or symbols ("Tulp680#", "hunter91"), and
/// not a version, a date, a path, an address or a reference code ("v4.12.0", "12/05/2024", "AB-2024-77").
/// Used where no colon or verb says that a value follows: "temporary password Tulp680#", "das alte war hunter91".
/// </summary>
internal static class SecretShape
{
    private const int MinLength = 6;
    private const int MaxLength = 64;

    public static bool IsSecretLike(ReadOnlySpan<char> token)
    {
        if (token.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        // A question or exclamation mark at the end ends the sentence ("Kennwort vergessen?"); inside, it is part of the secret.
        token = token.TrimEnd("!?");
        var letters = 0;
        var lowerLetters = 0;
        var digitsOrSymbols = 0;
        var codeSeparators = 0;
        var at = -1;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (char.IsLetter(c))
            {
                letters++;
                lowerLetters += char.IsLower(c) ? 1 : 0;
            }
            else if (Chars.IsDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '*' or '+' or '?' or '^' or '~' or '§' or '€' or '£' or '=')
            {
                digitsOrSymbols++;
            }
            else if (c == '@')
            {
                at = i;
                digitsOrSymbols++;
            }
            else if (c is '-' or '_' or '.')
            {
                codeSeparators++;
            }
            else
            {
                // ':', '/', brackets, commas: a time, a date, a path, a URL or a list, not a secret.
                return false;
            }
        }

        // "v4.12.0" has one letter; "anna@example.com" is an address; "AB-2024-77" and "INV-2024-0412" are references.
        var isAddress = at >= 0 && token[(at + 1)..].Contains('.');
        var isReference = lowerLetters == 0 && codeSeparators > 0;
        return letters >= 2 && digitsOrSymbols > 0 && !isAddress && !isReference;
    }
}
