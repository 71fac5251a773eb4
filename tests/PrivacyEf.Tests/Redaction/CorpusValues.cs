using System.Globalization;
using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Values for the evaluation corpus, one per placeholder: the checksummed ones from <see cref="TypedIdentifiers"/>,
/// the others (phones, e-mails, addresses, keys, passwords, dates of birth) in the forms people write them.
/// Deterministic: one seeded stream per corpus.
/// </summary>
internal sealed class CorpusValues(ulong seed)
{
    private static readonly string[] FirstNames = ["anna", "jan", "ada", "pieter", "lena", "tom", "sophie", "m", "j.doe", "k-schmidt"];
    private static readonly string[] Domains = ["example.com", "mail.example.de", "bedrijf.example.nl", "support.example.org", "example.co.uk", "posteo.example"];
    private static readonly string[][] MonthNames =
    [
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    ];

    private readonly PCG pcg = new(1, seed);
    private readonly Random random = new((int)(seed % int.MaxValue));

    public (string Label, string Text) Next(string placeholder) => placeholder switch
    {
        "CARD" => ("CREDIT_CARD", Draw(TypedIdentifiers.Card).Text),
        "IBAN" => ("IBAN", Draw(TypedIdentifiers.Iban).Text),
        "SSN" => ("US_SSN", Draw(TypedIdentifiers.UsSsn).Text),
        "SSN_DASHED" => ("US_SSN", Draw(ValidIdentifiers.UsSsn) is var s ? $"{s[..3]}-{s[3..5]}-{s[5..]}" : ""),
        "TAX_ID" => ("DE_TAX_ID", Draw(TypedIdentifiers.GermanTaxId).Text),
        "KVNR" => ("DE_KVNR", Draw(TypedIdentifiers.GermanHealthInsuranceNumber).Text),
        "BSN" => ("NL_BSN", Draw(TypedIdentifiers.DutchBsn).Text),
        "PHONE_DE" => ("PHONE", Pick(
            $"030 {Digits(7)}", $"+49 30 {Digits(7)}", $"0171 {Digits(7)}", $"089/{Digits(7)}", $"+49 171 {Digits(7)}", $"0049 40 {Digits(8)}", $"0221-{Digits(6)}")),
        "PHONE_NL" => ("PHONE", Pick(
            $"06-{Digits(8)}", $"+31 6 {Digits(8)}", $"020 {Digits(3)} {Digits(4)}", $"06 {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}", $"06-{Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}", $"+31 20 {Digits(3)} {Digits(4)}")),
        "PHONE_US" => ("PHONE", Pick(
            $"({Area()}) {Exchange()}-{Digits(4)}", $"{Area()}-{Exchange()}-{Digits(4)}", $"1 ({Area()}) {Exchange()}-{Digits(4)}", $"+1 {Area()} {Exchange()} {Digits(4)}", $"{Area()}.{Exchange()}.{Digits(4)}")),
        "EMAIL" => ("EMAIL", $"{Pick(FirstNames)}{Pick("", ".", "_")}{Pick("mueller", "devries", "smith", "jansen", "")}{random.Next(100)}@{Pick(Domains)}"),
        "IP" => ("IP_ADDRESS", random.Next(4) == 0 ? $"2001:db8::{random.Next(0x10000):x}:{random.Next(0x10000):x}" : $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}"),
        "API_KEY" => ("API_KEY", Pick($"sk_live_{Alnum(24)}", $"ghp_{Alnum(36)}", $"AKIA{Upper(16)}", $"xoxb-{Digits(12)}-{Digits(12)}-{Alnum(24)}", $"glpat-{Alnum(20)}")),
        "PASSWORD" => ("PASSWORD", Pick($"Sommer{random.Next(2000, 2030)}!", $"{Alnum(10)}", $"Tulp{Digits(3)}#", $"hunter{Digits(2)}", $"Xy{Digits(1)}#{Alnum(4)}")),
        "DOB" => ("DATE_OF_BIRTH", Dob()),
        _ => throw new ArgumentException($"Unknown placeholder {placeholder}.", nameof(placeholder)),
    };

    private T Draw<T>(Gen<T> gen) => gen.Generate(pcg, null, out _);

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private string Alnum(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[random.Next(56)]));

    private string Upper(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[random.Next(32)]));

    private string Area() => string.Create(CultureInfo.InvariantCulture, $"{random.Next(2, 10)}{Digits(2)}");

    private string Exchange() => string.Create(CultureInfo.InvariantCulture, $"{random.Next(2, 10)}{Digits(2)}");

    private string Dob()
    {
        var date = new DateTime(1940, 1, 1).AddDays(random.Next(0, 365 * 65));
        return random.Next(5) switch
        {
            0 => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            1 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            2 => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            3 => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthNames[random.Next(3)][date.Month - 1]} {date.Year}"),
            _ => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        };
    }
}
