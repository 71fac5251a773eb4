namespace PrivacyEf.Redaction;

/// <summary>
/// Whether a token has the shape of a secret, in three degrees of evidence:
/// <list type="bullet">
/// <item><see cref="IsSecretLike"/>, right after a label ("PWD ZsVbRkEwVz", "temporary password Tulp680#"):
/// letters mixed with digits or symbols, or letters in random case.</item>
/// <item><see cref="IsSecretNearLogin"/>, near a word about passwords or logins ("login anna@example.com /
/// hunter65"): letters mixed with digits or symbols, but not a code in capitals (a tracking number, an IBAN).</item>
/// <item><see cref="IsUnmistakableSecret(ReadOnlySpan{char}, TokenShape)"/>, anywhere: letters, digits and a symbol together ("Tulp611#"), or
/// digits among letters in random case ("5NkZVo6gzM").</item>
/// </list>
/// Never a version, a date, a time, a path, a file name, an address, a hash or a reference code ("v4.12.0",
/// "12/05/2024", "report2024.pdf", "3f9a2c1e", "AB-2024-77"), nor a product name ("iPhone15", "MacBookPro").
/// </summary>
internal static class SecretShape
{
    private const int MinLength = 6;
    private const int MinUnlabelledLength = 8;
    private const int MaxLength = 64;

    public static bool IsSecretLike(ReadOnlySpan<char> token) =>
        token.Length is >= MinLength and <= MaxLength && TokenShape.Read(token) is { } shape
        && (shape.Digits + shape.Symbols > 0 || (token.Length >= MinUnlabelledLength && shape.RandomCase));

    /// <summary>Near a login word: digits with small letters ("hunter65"), digits with symbols, or random case; not "FRITZ!Box".</summary>
    public static bool IsSecretNearLogin(ReadOnlySpan<char> token, TokenShape shape) =>
        (shape.Digits > 0 && (shape.Symbols > 0 || shape.LowerLetters > 0)) || (token.Length >= MinUnlabelledLength && shape.RandomCase);

    public static bool IsUnmistakableSecret(ReadOnlySpan<char> token, TokenShape shape) =>
        token.Length >= MinUnlabelledLength && shape.Digits > 0 && (shape.Symbols > 0 || shape.RandomCase);

    /// <summary>
    /// The shape of a token that may be a secret without a label, or null: too short or long, fewer than two
    /// letters (amounts, dates, order numbers: most tokens with digits, rejected before any closer look), a file
    /// name, a host, a version, a product name.
    /// </summary>
    public static TokenShape? Unlabelled(ReadOnlySpan<char> token)
    {
        if (token.Length is < MinLength or > MaxLength)
        {
            return null;
        }

        var firstLetter = token.IndexOfAnyInRange('A', 'z');
        if (firstLetter < 0 || token[(firstLetter + 1)..].IndexOfAnyInRange('A', 'z') < 0)
        {
            return null;
        }

        // "Cafe_Guest_5G", "Ziggo-5G-7F2A", "migr_2024": parts joined by separators, without a symbol, name a
        // network, a device or an account.
        return TokenShape.Read(token) is { InnerDot: false, ProductName: false } shape && !(shape.Symbols == 0 && token.IndexOfAny('-', '_') >= 0) ? shape : null;
    }
}
