using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>A text with one value in it, and where the value is.</summary>
internal sealed record EmbeddedValue(string Text, int Start, int Length, PiiType Type);

/// <summary>
/// Sentences in English, German and Dutch with a label slot and a value slot, the brackets, quotes and
/// punctuation people put around a value, and the labels they use for each type.
/// </summary>
internal static class EmbeddingTemplates
{
    private const string LabelSlot = "{L}";
    private const string ValueSlot = "{V}";

    private static readonly string[] Sentences =
    [
        "My {L} is {V}", "{L}: {V}", "{L}:{V}", "Please use {L} {V} for the refund", "Hi,\nmy {L} is\n{V}\nthanks", "Could you check {L} {V} again?",
        "{L} = {V}", "as requested, {L} {V}", "{L}\t{V}",
        "Meine {L} lautet {V}", "Die {L} ist {V}, danke", "Bitte die {L} {V} verwenden", "anbei meine {L} {V}", "{L}:\n{V}\nMfG",
        "Mijn {L} is {V}", "Graag {L} {V} gebruiken", "Hierbij mijn {L} {V}, groet", "{L} -> {V}",
    ];

    private static readonly (string Open, string Close)[] Wrappers =
    [
        ("", ""), ("", ""), ("", ""), ("(", ")"), ("[", "]"), ("\"", "\""), ("'", "'"), ("«", "»"), ("„", "“"), ("<", ">"), ("*", "*"), ("`", "`"),
    ];

    private static readonly string[] Endings = ["", ".", ",", ";", "!", "?", ":", "\n", " ", "...", ")", "\r\n"];

    public static Gen<EmbeddedValue> Embed(Gen<TypedValue> values) =>
        Gen.Select(values, Gen.OneOf(Sentences), Gen.OneOf(Wrappers), Gen.OneOf(Endings), Gen.Int.Positive, (value, sentence, wrapper, ending, pick) =>
        {
            var labels = LabelsFor(value.Type);
            var label = value.NeedsLabel ? labels[pick % labels.Length] : NeutralOr(labels, pick);
            var before = sentence[..sentence.IndexOf(ValueSlot, StringComparison.Ordinal)].Replace(LabelSlot, label, StringComparison.Ordinal) + wrapper.Open;
            var after = wrapper.Close + sentence[(sentence.IndexOf(ValueSlot, StringComparison.Ordinal) + ValueSlot.Length)..] + ending;
            return new EmbeddedValue(before + value.Text + after, before.Length, value.Text.Length, value.Type);
        });

    /// <summary>Labels as people write them; an identifier that needs none sometimes gets only "number".</summary>
    public static string[] LabelsFor(PiiType type) => type switch
    {
        PiiType.CreditCard => ["credit card", "card number", "Kreditkarte", "Kartennummer", "creditcard", "kaartnummer", "Visa", "Mastercard"],
        PiiType.Iban => ["IBAN", "bank account", "Kontonummer", "rekeningnummer", "IBAN-Nr."],
        PiiType.UsSsn => ["SSN", "social security number", "Social Security No.", "SSN#"],
        PiiType.GermanTaxId => ["Steuer-ID", "steuerliche Identifikationsnummer", "Steuer-IdNr.", "IdNr", "tax ID"],
        PiiType.GermanHealthInsuranceNumber => ["KVNR", "Versichertennummer", "Krankenversichertennummer"],
        PiiType.DutchBsn => ["BSN", "burgerservicenummer", "BSN-nummer", "sofinummer"],
        _ => ["number"],
    };

    private static string NeutralOr(string[] labels, int pick) => (pick / 7 % 4) switch
    {
        0 => "number",
        1 => "Nummer",
        _ => labels[pick % labels.Length],
    };
}
