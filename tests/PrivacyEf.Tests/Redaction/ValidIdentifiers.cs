using System.Globalization;
using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Generators of valid checksummed identifiers, with check digits computed here, independently of the
/// redactor's own code, so a shared mistake cannot make a test pass.
/// </summary>
internal static class ValidIdentifiers
{
    /// <summary>(country, IBAN length, how many letters open the BBAN: a bank code in NL, GB, IE, MT).</summary>
    private static readonly (string Country, int Length, int Letters)[] IbanCountries =
    [
        ("DE", 22, 0), ("NL", 18, 4), ("GB", 22, 4), ("BE", 16, 0), ("AT", 20, 0), ("CH", 21, 0), ("FR", 27, 0), ("ES", 24, 0),
        ("IT", 27, 0), ("PL", 28, 0), ("LU", 20, 0), ("NO", 15, 0), ("DK", 18, 0), ("FI", 18, 0), ("SE", 24, 0), ("IE", 22, 4),
        ("PT", 25, 0), ("MT", 31, 4), ("CZ", 24, 0), ("HU", 28, 0),
    ];

    public static Gen<string> CardNumber { get; } = Gen.OneOf(
        Card(Gen.Const(4), 16), Card(Gen.Const(4), 13), Card(Gen.Const(4), 19),
        Card(Gen.Int[51, 55], 16), Card(Gen.Int[2221, 2720], 16),
        Card(Gen.OneOf(34, 37), 15),
        Card(Gen.Const(6011), 16), Card(Gen.Const(65), 16), Card(Gen.Int[644, 649], 16), Card(Gen.Int[622126, 622925], 16),
        Card(Gen.Int[3528, 3589], 16), Card(Gen.Const(36), 14), Card(Gen.Int[300, 305], 14),
        Card(Gen.Const(62), 16), Card(Gen.Const(62), 19), Card(Gen.OneOf(6759, 6304, 5018), 16), Card(Gen.Int[2200, 2204], 16));

    /// <summary>Electronic form, upper case.</summary>
    public static Gen<string> Iban { get; } = Gen.Int[0, IbanCountries.Length - 1].SelectMany(i =>
    {
        var (country, length, letters) = IbanCountries[i];
        return Gen.Select(Letters(letters), Digits(length - 4 - letters), (bank, account) => WithIbanCheck(country, bank + account));
    });

    public static Gen<string> UsSsn { get; } = Gen.Select(Gen.Int[1, 899].Where(a => a != 666), Gen.Int[1, 99], Gen.Int[1, 9999], (area, group, serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{area:000}{group:00}{serial:0000}"));

    /// <summary>Steuer-IdNr: in the first ten digits one digit twice, one left out, the rest once; no leading zero; ISO 7064 MOD 11,10.</summary>
    public static Gen<string> GermanTaxId { get; } = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9]).Where((twice, missing) => twice != missing)
        .SelectMany((twice, missing) => Gen.Shuffle(Enumerable.Range(0, 10).Where(d => d != missing).Append(twice).Select(d => (char)('0' + d)).ToArray()))
        .Where(digits => digits[0] != '0')
        .Select(digits => new string(digits) + TaxIdCheckDigit(digits));

    /// <summary>Krankenversichertennummer: a letter, eight digits, a check digit over the letter's two-digit position and the digits.</summary>
    public static Gen<string> GermanHealthInsuranceNumber { get; } = Gen.Select(Gen.Char['A', 'Z'], Digits(8), (letter, digits) => letter + digits + KvnrCheckDigit(letter, digits));

    /// <summary>BSN: eight digits and the check digit that makes the elfproef hold (numbers whose check would be 10 do not exist).</summary>
    public static Gen<string> DutchBsn { get; } = Digits(8).Where(d => ElfproefRemainder(d) != 10 && d != "00000000").Select(d => d + ElfproefRemainder(d));

    public static string WithIbanCheck(string country, string bban)
    {
        var rearranged = bban + country + "00";
        var remainder = 0;
        foreach (var c in rearranged)
        {
            remainder = char.IsDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{country}{98 - remainder:00}{bban}");
    }

    public static bool PassesLuhn(string digits) => LuhnCheckDigit(digits[..^1]) == digits[^1];

    public static Gen<string> Digits(int count) => Gen.Char['0', '9'].Array[count].Select(a => new string(a));

    private static Gen<string> Letters(int count) => Gen.Char['A', 'Z'].Array[count].Select(a => new string(a));

    private static Gen<string> Card(Gen<int> prefix, int length) =>
        prefix.SelectMany(p =>
        {
            var head = p.ToString(CultureInfo.InvariantCulture);
            return Digits(length - head.Length - 1).Select(body => head + body + LuhnCheckDigit(head + body));
        });

    private static char LuhnCheckDigit(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static char TaxIdCheckDigit(char[] digits)
    {
        var product = 10;
        foreach (var c in digits)
        {
            var sum = (c - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }

        return (char)('0' + (11 - product == 10 ? 0 : 11 - product));
    }

    private static char KvnrCheckDigit(char letter, string digits)
    {
        var position = (letter - 'A' + 1).ToString("00", CultureInfo.InvariantCulture);
        var values = position + digits;
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var product = (values[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += (product / 10) + (product % 10);
        }

        return (char)('0' + (sum % 10));
    }

    private static int ElfproefRemainder(string eight)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (eight[i] - '0');
        }

        return sum % 11;
    }
}
