namespace PrivacyEf.Redaction;

/// <summary>The validation rules of the checksummed identifiers. Inputs are ASCII digits (and letters for IBAN and KVNR) without separators.</summary>
internal static class Checksums
{
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>Whether the number starts with a range a card network issues, at a length that network uses.</summary>
    public static bool IsIssuedCardRange(ReadOnlySpan<char> digits)
    {
        var length = digits.Length;
        var p2 = Prefix(digits, 2);
        var p3 = Prefix(digits, 3);
        var p4 = Prefix(digits, 4);
        var p6 = Prefix(digits, 6);
        return digits[0] switch
        {
            // Visa.
            '4' => length is 13 or 16 or 19,

            // Mastercard (51-55, 2221-2720), Mir (2200-2204).
            '2' => (p4 is >= 2221 and <= 2720 && length == 16) || (p4 is >= 2200 and <= 2204 && length is >= 16 and <= 19),
            '5' => (p2 is >= 51 and <= 55 && length == 16) || (p4 is 5018 or 5020 or 5038 or 5893 && length is >= 13 and <= 19),

            // Amex (34, 37), Diners (300-305, 3095, 36, 38, 39), JCB (3528-3589).
            '3' => (p2 is 34 or 37 && length == 15)
                || ((p3 is >= 300 and <= 305 || p4 == 3095 || p2 is 36 or 38 or 39) && length is >= 14 and <= 19)
                || (p4 is >= 3528 and <= 3589 && length is >= 16 and <= 19),

            // Discover (6011, 622126-622925, 644-649, 65), UnionPay (62), Maestro (6304, 6759, 6761-6763).
            '6' => ((p4 == 6011 || p6 is >= 622126 and <= 622925 || p3 is >= 644 and <= 649 || p2 == 65 || p2 == 62) && length is >= 16 and <= 19)
                || (p4 is 6304 or 6759 or 6761 or 6762 or 6763 && length is >= 13 and <= 19),
            _ => false,
        };
    }

    /// <summary>ISO 13616: the country's length and the mod-97 check. Input is upper-case letters and digits only.</summary>
    public static bool Iban(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 15 || iban.Length != IbanLengths.For(iban[0], iban[1]))
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>
    /// German Steuer-IdNr: 11 digits, no leading zero; in the first ten, exactly one digit occurs twice or three
    /// times (three never in a row) and the others once at most; the last digit is the ISO 7064 MOD 11,10 check.
    /// </summary>
    public static bool GermanTaxId(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 11 || digits[0] == '0')
        {
            return false;
        }

        Span<int> counts = stackalloc int[10];
        for (var i = 0; i < 10; i++)
        {
            counts[digits[i] - '0']++;
        }

        var repeated = -1;
        for (var d = 0; d < 10; d++)
        {
            if (counts[d] > 3)
            {
                return false;
            }

            if (counts[d] >= 2)
            {
                if (repeated >= 0)
                {
                    return false;
                }

                repeated = d;
            }
        }

        if (repeated < 0)
        {
            return false;
        }

        if (counts[repeated] == 3)
        {
            for (var i = 0; i + 2 < 10; i++)
            {
                if (digits[i] - '0' == repeated && digits[i + 1] == digits[i] && digits[i + 2] == digits[i])
                {
                    return false;
                }
            }
        }

        return Iso7064Mod11Radix10CheckDigit(digits[..10]) == digits[10] - '0';
    }

    public static int Iso7064Mod11Radix10CheckDigit(ReadOnlySpan<char> digits)
    {
        var product = 10;
        foreach (var c in digits)
        {
            var sum = (c - '0' + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        var check = 11 - product;
        return check == 10 ? 0 : check;
    }

    /// <summary>
    /// German Krankenversichertennummer (the permanent part): a letter and nine digits. The letter becomes its
    /// two-digit position in the alphabet; the ten digits before the check digit are weighted 1, 2, 1, 2, ...,
    /// products above 9 are replaced by their digit sum, and the sum modulo 10 is the check digit.
    /// </summary>
    public static bool GermanHealthInsuranceNumber(char letter, ReadOnlySpan<char> digits)
    {
        if (letter is < 'A' or > 'Z' || digits.Length != 9)
        {
            return false;
        }

        var position = letter - 'A' + 1;
        Span<int> values = stackalloc int[10];
        values[0] = position / 10;
        values[1] = position % 10;
        for (var i = 0; i < 8; i++)
        {
            values[i + 2] = digits[i] - '0';
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var product = values[i] * (i % 2 == 0 ? 1 : 2);
            sum += product > 9 ? product - 9 : product;
        }

        return sum % 10 == digits[8] - '0';
    }

    /// <summary>Dutch BSN elfproef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and the number is not zero).</summary>
    public static bool Elfproef(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 8; i++)
        {
            var d = digits[i] - '0';
            allZero &= d == 0;
            sum += (9 - i) * d;
        }

        sum -= digits[8] - '0';
        return !allZero && sum % 11 == 0;
    }

    /// <summary>SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000.</summary>
    public static bool UsSsn(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        var area = Prefix(digits, 3);
        var group = Prefix(digits[3..], 2);
        var serial = Prefix(digits[5..], 4);
        return area is not (0 or 666 or >= 900) && group != 0 && serial != 0;
    }

    private static int Prefix(ReadOnlySpan<char> digits, int count)
    {
        var value = 0;
        for (var i = 0; i < count && i < digits.Length; i++)
        {
            value = (value * 10) + (digits[i] - '0');
        }

        return value;
    }
}
