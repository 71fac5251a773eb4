using System.Globalization;
using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Texts that hold no personal data but numbers and names that resemble it: identifiers with a check digit
/// off by one, version numbers, dates, order numbers, amounts and asset names, in English, German and Dutch.
/// </summary>
internal static class LookAlikes
{
    private static readonly string[] Densities = ["2x", "3x", "1.5x", "4x"];
    private static readonly string[] ImageExtensions = ["png", "jpg", "jpeg", "svg", "webp", "gif"];
    private static readonly string[] AssetNames = ["logo", "banner", "icon-close", "hero_image", "avatar", "btn.primary", "Logo-Dark"];
    private static readonly string[] MonthNames = ["January", "März", "maart", "May", "Oktober", "december"];

    /// <summary>
    /// A valid identifier with its last digit changed: it fails its check, and it carries its label, so only the
    /// check can tell. 19-digit cards are left out on purpose: their first 16 digits pass as a card one time in
    /// ten, and the redactor reads them so, because a valid card followed by its CVV ("4111 1111 1111 1111 123")
    /// must not leak (see ValueBoundaryTests).
    /// </summary>
    public static Gen<EmbeddedValue> OffByOne { get; } = EmbeddingTemplates.Embed(
        Gen.OneOf(TypedIdentifiers.Card.Where(card => card.Text.Count(char.IsDigit) < 19), TypedIdentifiers.Iban, TypedIdentifiers.GermanTaxId, TypedIdentifiers.GermanHealthInsuranceNumber, TypedIdentifiers.DutchBsn)
            .Select(value => value with { Text = ChangeLastDigit(value.Text) }));

    /// <summary>SSNs have no check digit; the look-alike is a number the SSA never issues (area 000, 666 or 9xx, group 00, serial 0000).</summary>
    public static Gen<EmbeddedValue> UnissuedSsn { get; } = EmbeddingTemplates.Embed(
        Gen.Select(ValidIdentifiers.UsSsn, Gen.Int[0, 3], Gen.Int[900, 999], (ssn, broken, area) => new TypedValue(PiiType.UsSsn, broken switch
        {
            0 => "666" + ssn[3..],
            1 => area.ToString(CultureInfo.InvariantCulture) + ssn[3..],
            2 => ssn[..3] + "00" + ssn[5..],
            _ => ssn[..5] + "0000",
        }, NeedsLabel: true)).Select(value => value with { Text = $"{value.Text[..3]}-{value.Text[3..5]}-{value.Text[5..]}" }));

    public static Gen<string> Version { get; } = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 99], Gen.Int[0, 999], Gen.Int[0, 99999], Gen.Int[0, 7], Gen.Int[0, 5], (major, minor, patch, build, parts, phrase) =>
    {
        var version = parts == 0 ? $"{major}.{minor}.{patch}.{build}" : $"{major}.{minor}.{patch}";
        return phrase switch
        {
            0 => $"The app crashes on version {version} when I open settings.",
            1 => $"Nach dem Update auf Version {version} startet nichts mehr",
            2 => $"Sinds versie {version} werkt de app niet meer.",
            3 => $"Running build {version}, still broken",
            4 => $"Firmware {version} fixes it (release notes, v{major}.{minor}).",
            _ => $"upgraded from {major}.{minor}.{patch} to {major}.{minor + 1}.0",
        };
    });

    public static Gen<string> Date { get; } = Gen.Select(Gen.Date[new DateTime(1990, 1, 1), new DateTime(2030, 12, 31)], Gen.Int[0, 5], Gen.Int[0, 23], (date, style, hour) =>
    {
        var d = date;
        return style switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"Geliefert am {d:dd.MM.yyyy} um {hour:00}:30 Uhr."),
            1 => string.Create(CultureInfo.InvariantCulture, $"Delivered on {d:yyyy-MM-dd} at {hour:00}:15."),
            2 => string.Create(CultureInfo.InvariantCulture, $"Het pakket wordt op {d:dd-MM-yyyy} opgehaald."),
            3 => string.Create(CultureInfo.InvariantCulture, $"Invoice date {d:MM/dd/yyyy}, due in 30 days."),
            4 => string.Create(CultureInfo.InvariantCulture, $"Termin: {d.Day}. {MonthNames[d.Month % MonthNames.Length]} {d.Year}, {hour:00}:00-{(hour + 1) % 24:00}:00"),
            _ => string.Create(CultureInfo.InvariantCulture, $"period {d:dd.MM.yyyy} - {d.AddDays(30):dd.MM.yyyy}"),
        };
    });

    /// <summary>
    /// Order and reference numbers after the words that introduce them. Numbers of card length that pass the
    /// Luhn check are left out: the redactor takes those for cards wherever they stand, by design (a card that
    /// leaks costs more than an order number that is hidden; see ValueBoundaryTests).
    /// </summary>
    public static Gen<string> OrderNumber { get; } = Gen.Select(
        Gen.Int[6, 19].SelectMany(ValidIdentifiers.Digits).Where(n => n.Length < 13 || !ValidIdentifiers.PassesLuhn(n)),
        Gen.Int[0, 10],
        (number, phrase) => phrase switch
        {
            0 => $"Order #{number} has shipped.",
            1 => $"order no. {number} is delayed",
            2 => $"Ihre Bestellung {number} ist unterwegs.",
            3 => $"Bestellnummer: {number}",
            4 => $"factuur {number} is betaald",
            5 => $"Rechnung Nr. {number} anbei",
            6 => $"tracking number {number}, carrier DHL",
            7 => $"see INV-{number} and RMA-{number}",
            8 => $"Ticket {number} was closed",
            9 => $"ordernummer: {number}",
            _ => $"Ref.: {number}",
        });

    public static Gen<string> Amount { get; } = Gen.Select(Gen.Int[1, 999], Gen.Int[0, 999], Gen.Int[0, 99], Gen.Int[0, 3], (thousands, units, cents, style) => style switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"Betrag: {thousands}.{units:000},{cents:00} EUR"),
        1 => string.Create(CultureInfo.InvariantCulture, $"a total of ${thousands},{units:000}.{cents:00}"),
        2 => string.Create(CultureInfo.InvariantCulture, $"totaal € {thousands} {units:000},{cents:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"refund {thousands}{units:000}.{cents:00} USD on 3 cards"),
    });

    public static Gen<string> AssetName { get; } = Gen.Select(Gen.OneOf(AssetNames), Gen.OneOf(Densities), Gen.OneOf(ImageExtensions), Gen.Int[0, 3], (name, density, extension, phrase) => phrase switch
    {
        0 => $"see {name}@{density}.{extension} in the attachment",
        1 => $"<img src=\"/assets/{name}@{density}.{extension}\">",
        2 => $"Datei {name}@{density}.{extension} fehlt",
        _ => $"bestand '{name}@page{density.Length}.pdf' ontbreekt",
    });

    public static Gen<string> AnyUnlabelled { get; } = Gen.OneOf(Version, Date, OrderNumber, Amount, AssetName);

    private static string ChangeLastDigit(string text)
    {
        var chars = text.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (char.IsDigit(chars[i]))
            {
                var value = (int)char.GetNumericValue(chars[i]);
                chars[i] = (char)(chars[i] - value + ((value + 1) % 10));
                break;
            }
        }

        return new string(chars);
    }
}
