namespace PrivacyEf.Redaction;

/// <summary>
/// Whether a token has the shape of a secret, in three degrees of evidence:
/// <list type="bullet">
/// <item><see cref="IsSecretLike"/>, right after a label ("PWD ZsVbRkEwVz", "temporary password Tulp680#"):
/// letters mixed with digits or symbols, or letters in random case.</item>
/// <item><see cref="IsSecretNearLogin"/>, near a word about passwords or logins ("login anna@example.com /
/// hunter65"): letters mixed with digits or symbols, but not a code in capitals (a tracking number, an IBAN).</item>
/// <item><see cref="IsUnmistakableSecret"/>, anywhere: letters, digits and a symbol together ("Tulp611#"), or
/// digits among letters in random case ("5NkZVo6gzM").</item>
/// </list>
/// Never a version, a date, a time, a path, a file name, an address or a reference code ("v4.12.0",
/// "12/05/2024", "report2024.pdf", "AB-2024-77").
/// </summary>
internal static class SecretShape
{
    private const int MinLength = 6;
    private const int MinUnlabelledLength = 8;
    private const int MaxLength = 64;

    // Changes between capital and small letter inside a letter run: "PayPal" and "JavaScript" have 3, "TodLSdzbty" 3,
    // "ZsVbRkEwVz" 9. After a label a few suffice; without one, more than a product name has.
    private const int LabelledCaseChanges = 3;
    private const int UnlabelledCaseChanges = 4;

    public static bool IsSecretLike(ReadOnlySpan<char> token) =>
        TryRead(token, out var letters, out var digits, out var symbols, out var caseChanges, out _) && letters >= 2
        && (digits + symbols > 0 || (token.Length >= MinUnlabelledLength && caseChanges >= LabelledCaseChanges));

    public static bool IsSecretNearLogin(ReadOnlySpan<char> token) =>
        TryRead(token, out _, out var digits, out var symbols, out var caseChanges, out var lowerLetters) && !token.TrimEnd("!?.").Contains('.')
        && (symbols > 0 || (digits > 0 && lowerLetters > 0) || (token.Length >= MinUnlabelledLength && caseChanges >= UnlabelledCaseChanges));

    public static bool IsUnmistakableSecret(ReadOnlySpan<char> token) =>
        token.Length >= MinUnlabelledLength && TryRead(token, out _, out var digits, out var symbols, out var caseChanges, out _) && !token.TrimEnd("!?.").Contains('.')
        && digits > 0 && (symbols > 0 || caseChanges >= UnlabelledCaseChanges);

    private static bool TryRead(ReadOnlySpan<char> token, out int letters, out int digits, out int symbols, out int caseChanges, out int lowerLetters)
    {
        letters = digits = symbols = lowerLetters = caseChanges = 0;
        // A question or exclamation mark at the end ends the sentence ("Kennwort vergessen?"), an asterisk ends an emphasis; inside, they are part of the secret.
        var core = token.TrimEnd("!?*");
        if (token.Length is < MinLength or > MaxLength || core.Length < MinLength - 1)
        {
            return false;
        }

        var at = -1;
        var codeSeparators = 0;
        var previousLetterWasUpper = (bool?)null;
        for (var i = 0; i < core.Length; i++)
        {
            var c = core[i];
            if (char.IsLetter(c))
            {
                letters++;
                var upper = !char.IsLower(c);
                lowerLetters += upper ? 0 : 1;
                caseChanges += previousLetterWasUpper is { } previous && previous != upper ? 1 : 0;
                previousLetterWasUpper = upper;
                continue;
            }

            previousLetterWasUpper = null;
            if (Chars.IsDigit(c))
            {
                digits++;
            }
            else if (c is '!' or '#' or '$' or '%' or '&' or '*' or '+' or '?' or '^' or '~' or '§' or '€' or '£' or '=' or '@')
            {
                at = c == '@' ? i : at;
                symbols++;
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
        var isAddress = at >= 0 && core[(at + 1)..].Contains('.');
        var isReference = lowerLetters == 0 && codeSeparators > 0;
        return letters >= 2 && !isAddress && !isReference;
    }
}
