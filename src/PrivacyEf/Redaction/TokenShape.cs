namespace PrivacyEf.Redaction;

/// <summary>What a token is made of, read once for <see cref="SecretShape"/>.</summary>
/// <param name="Letters">Letters.</param>
/// <param name="LowerLetters">Small letters.</param>
/// <param name="Digits">Digits.</param>
/// <param name="Symbols">Symbols that people put in passwords ("#", "!", "$", "@", ...), not at the end.</param>
/// <param name="RandomCase">Capitals and small letters mixed at random ("ZsVbRkEwVz", "TodLSdzbty"), not in the words of a name ("MacBookPro", "PayPal").</param>
/// <param name="ProductName">A name in camel case with a number at the end ("iPhone15", "PlayStation5").</param>
/// <param name="InnerDot">A dot inside (a file name, a host, a version).</param>
internal readonly record struct TokenShape(int Letters, int LowerLetters, int Digits, int Symbols, bool RandomCase, bool ProductName, bool InnerDot)
{
    private const int MinCaseChanges = 3;

    /// <summary>
    /// The shape of <paramref name="token"/>, or null when it cannot be a secret at all: a time, a date, a path or a
    /// URL (':', '/'), an address ("anna@example.com"), a reference code in capitals ("AB-2024-77"), a hexadecimal
    /// hash ("3f9a2c1e").
    /// </summary>
    public static TokenShape? Read(ReadOnlySpan<char> token)
    {
        // A question or exclamation mark at the end ends the sentence ("Kennwort vergessen?"), an asterisk ends an
        // emphasis; inside, they are part of the secret.
        var core = token.TrimEnd("!?*");
        int letters = 0, lower = 0, digits = 0, symbols = 0, separators = 0, caseChanges = 0, at = -1, lastLetter = -1;
        var hex = true;
        var camelCase = true;
        var lowersInSegment = 2;
        var capitalsAfterStart = 0;
        bool? previousUpper = null;
        for (var i = 0; i < core.Length; i++)
        {
            var c = core[i];
            hex &= Chars.IsHex(c);
            if (char.IsLetter(c))
            {
                letters++;
                lastLetter = i;
                var upper = !char.IsLower(c);
                if (upper)
                {
                    // A camel-case word starts with one capital and goes on in small letters: "Mac", "Book", "Pro".
                    camelCase &= lowersInSegment >= 2 || letters == 1 || (letters == 2 && lower == 1);
                    lowersInSegment = 0;
                    capitalsAfterStart += letters > 1 ? 1 : 0;
                }
                else
                {
                    lower++;
                    lowersInSegment++;
                }

                caseChanges += previousUpper is { } previous && previous != upper ? 1 : 0;
                previousUpper = upper;
                continue;
            }

            previousUpper = null;
            if (Chars.IsDigit(c))
            {
                digits++;
            }
            else if (c == '%' && i > 0 && Chars.IsDigit(core[i - 1]))
            {
                // "30%-regeling": a percentage.
                return null;
            }
            else if (c is '!' or '#' or '$' or '%' or '&' or '*' or '+' or '?' or '^' or '~' or '§' or '€' or '£' or '@')
            {
                at = c == '@' ? i : at;
                symbols++;
            }
            else if (c is '-' or '_' or '.')
            {
                separators++;
            }
            else
            {
                return null;
            }
        }

        camelCase &= lowersInSegment >= 2;
        var isAddress = at >= 0 && core[(at + 1)..].Contains('.');
        var isReference = lower == 0 && separators > 0;
        var isHash = hex && letters > 0 && digits > 0;
        if (letters < 2 || isAddress || isReference || isHash)
        {
            return null;
        }

        var digitsOnlyAtEnd = digits > 0 && symbols == 0 && lastLetter >= 0 && core[(lastLetter + 1)..].Length == digits;
        return new TokenShape(
            letters,
            lower,
            digits,
            symbols,
            RandomCase: caseChanges >= MinCaseChanges && !camelCase && lower >= 2,
            ProductName: digitsOnlyAtEnd && camelCase && capitalsAfterStart > 0,
            InnerDot: token.TrimEnd("!?.*").Contains('.'));
    }
}
