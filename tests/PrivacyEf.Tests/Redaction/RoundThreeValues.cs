using System.Globalization;
using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Values for held-out round three. The placeholders of <see cref="CorpusValues"/> are passed on to it; the
/// others are the print and typing forms seen in support mail (a card in four groups of four, an IBAN as printed
/// on a bank card, a Steuer-ID as printed on the letter from the Bundeszentralamt, a BSN with dots, phone
/// numbers with a trunk zero in brackets). Check digits come from <see cref="ValidIdentifiers"/>, which computes
/// them independently of the redactor.
/// </summary>
internal sealed class RoundThreeValues(ulong seed)
{
    private static readonly string[] Domains = ["example.com", "example.de", "example.nl", "mail.example.org", "shop.example.co.uk"];

    private readonly CorpusValues standard = new(seed);
    private readonly PCG pcg = new(3, seed);
    private readonly Random random = new((int)(seed % int.MaxValue) + 3);

    public (string Label, string Text) Next(string placeholder) => placeholder switch
    {
        "CARD_SPACED" => ("CREDIT_CARD", Grouped(Card(16), [4, 4, 4, 4], " ")),
        "CARD_DASHED" => ("CREDIT_CARD", Grouped(Card(16), [4, 4, 4, 4], "-")),
        "CARD_BARE" => ("CREDIT_CARD", Card(16)),
        "AMEX" => ("CREDIT_CARD", Grouped(Card(15), [4, 6, 5], " ")),
        "IBAN_DE" => ("IBAN", Grouped(Iban("DE"), [4, 4, 4, 4, 4, 2], " ")),
        "IBAN_NL" => ("IBAN", Grouped(Iban("NL"), [4, 4, 4, 4, 2], " ")),
        "IBAN_BE" => ("IBAN", Grouped(Iban("BE"), [4, 4, 4, 4], " ")),
        "IBAN_DE_BARE" => ("IBAN", Iban("DE")),
        "IBAN_NL_BARE" => ("IBAN", Iban("NL")),
        "TAX_ID_SPACED" => ("DE_TAX_ID", Grouped(Draw(ValidIdentifiers.GermanTaxId), [2, 3, 3, 3], " ")),
        "TAX_ID_BARE" => ("DE_TAX_ID", Draw(ValidIdentifiers.GermanTaxId)),
        "KVNR_BARE" => ("DE_KVNR", Draw(ValidIdentifiers.GermanHealthInsuranceNumber)),
        "BSN_DOTTED" => ("NL_BSN", Grouped(Draw(ValidIdentifiers.DutchBsn), [3, 3, 3], ".")),
        "BSN_BARE" => ("NL_BSN", Draw(ValidIdentifiers.DutchBsn)),
        "SSN_SPACED" => ("US_SSN", Grouped(Draw(ValidIdentifiers.UsSsn), [3, 2, 4], " ")),
        "SSN_BARE" => ("US_SSN", Draw(ValidIdentifiers.UsSsn)),
        "PHONE_DE_MOBILE" => ("PHONE", Pick($"0176 {Digits(8)}", $"0151-{Digits(8)}", $"+49 160 {Digits(7)}", $"+49 (0)172 {Digits(7)}", $"0049 157 {Digits(8)}")),
        "PHONE_DE_LAND" => ("PHONE", Pick($"+49 (0)30 {Digits(7)}", $"040 {Digits(3)} {Digits(3)} {Digits(2)}", $"069/{Digits(6)}", $"+49 89 {Digits(8)}", $"0211 {Digits(6)}")),
        "PHONE_NL_MOBILE" => ("PHONE", Pick($"06 {Digits(8)}", $"06-{Digits(8)}", $"+31 (0)6 {Digits(8)}", $"+31 6 {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}", $"0031 6 {Digits(8)}")),
        "PHONE_NL_LAND" => ("PHONE", Pick($"010-{Digits(7)}", $"020 {Digits(3)} {Digits(2)} {Digits(2)}", $"+31 (0)30 {Digits(3)} {Digits(4)}", $"070 {Digits(7)}")),
        "PHONE_US2" => ("PHONE", Pick($"+1 ({Area()}) {Area()}-{Digits(4)}", $"{Area()}-{Area()}-{Digits(4)}", $"({Area()}) {Area()}-{Digits(4)}", $"+1-{Area()}-{Area()}-{Digits(4)}")),
        "PHONE_INTL" => ("PHONE", Pick($"+44 20 {Digits(4)} {Digits(4)}", $"+32 470 {Digits(2)} {Digits(2)} {Digits(2)}", $"+43 660 {Digits(7)}", $"+41 79 {Digits(3)} {Digits(2)} {Digits(2)}")),
        "EMAIL2" => ("EMAIL", Pick(
            $"{Pick("Anna", "Jens", "Marloes", "Kevin")}.{Pick("Hoffmann", "Bakker", "O'Neil", "Visser")}@{Pick(Domains)}",
            $"{Pick("anna", "lisa", "ruud")}+{Pick("orders", "shop", "newsletter")}@{Pick(Domains)}",
            $"{Pick("JDEVRIES", "M.SCHULZ", "INFO.KLANT")}@{Pick("EXAMPLE.NL", "EXAMPLE.DE")}",
            $"{Pick("t.van.dijk", "k_weber", "sam-lee")}{random.Next(10, 99)}@{Pick(Domains)}")),
        _ => standard.Next(placeholder),
    };

    /// <summary>Each template with placeholders <paramref name="copies"/> times with fresh values; each hard negative once.</summary>
    public static List<LabelledText> Build(IReadOnlyList<(string Lang, string Template)> templates, int copies, ulong seed)
    {
        var values = new RoundThreeValues(seed);
        var texts = templates.Where(t => !t.Template.Contains('{', StringComparison.Ordinal)).Select(t => new LabelledText(t.Lang, t.Template, [])).ToList();
        for (var copy = 0; copy < copies; copy++)
        {
            texts.AddRange(templates.Where(t => t.Template.Contains('{', StringComparison.Ordinal)).Select(t => EvaluationCorpus.Fill(t.Lang, t.Template, values.Next)));
        }

        return texts;
    }

    private string Card(int length)
    {
        string card;
        do
        {
            card = Draw(ValidIdentifiers.CardNumber);
        }
        while (card.Length != length);
        return card;
    }

    private string Iban(string country)
    {
        string iban;
        do
        {
            iban = Draw(ValidIdentifiers.Iban);
        }
        while (!iban.StartsWith(country, StringComparison.Ordinal));
        return iban;
    }

    private static string Grouped(string value, int[] sizes, string separator)
    {
        var groups = new List<string>();
        var at = 0;
        foreach (var size in sizes)
        {
            groups.Add(value.Substring(at, Math.Min(size, value.Length - at)));
            at += size;
        }

        if (at < value.Length)
        {
            groups.Add(value[at..]);
        }

        return string.Join(separator, groups.Where(g => g.Length > 0));
    }

    private T Draw<T>(Gen<T> gen) => gen.Generate(pcg, null, out _);

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private string Area() => string.Create(CultureInfo.InvariantCulture, $"{random.Next(2, 10)}{Digits(2)}");
}
