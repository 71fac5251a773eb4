using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>A value as a person types it, and whether it needs a label to be told from other numbers (a bare 9-digit SSN does).</summary>
internal sealed record TypedValue(PiiType Type, string Text, bool NeedsLabel);

/// <summary>Valid identifiers written the ways people write them: grouped or not, with any separator, in any case, wrapped, full-width.</summary>
internal static class TypedIdentifiers
{
    private static readonly string[] CardSeparators = ["", " ", "-", "\t", ".", "  ", "\u00A0"];

    public static Gen<TypedValue> Card { get; } = Gen.Select(ValidIdentifiers.CardNumber, Gen.OneOf(CardSeparators), Gen.Int[0, 7], Gen.Int[0, 7], (digits, separator, fullWidth, wrap) =>
    {
        var groups = Split(digits, CardGrouping(digits.Length)).ToArray();
        var text = separator.Length > 0 && wrap == 0
            ? string.Join(separator, groups[..2]) + "\n" + string.Join(separator, groups[2..])
            : string.Join(separator, groups);
        return new TypedValue(PiiType.CreditCard, fullWidth == 0 ? ToFullWidth(text) : text, NeedsLabel: false);
    });

    public static Gen<TypedValue> Iban { get; } = Gen.Select(ValidIdentifiers.Iban, Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int.Positive, (iban, grouped, lower, wrap, at) =>
    {
        var text = grouped ? string.Join(' ', iban.Chunk(4).Select(c => new string(c))) : iban;
        if (wrap == 0)
        {
            // A line break where the text wraps: between groups, or inside one.
            var position = 4 + (at % (text.Length - 5));
            text = grouped && text[position] == ' ' ? text[..position] + "\n" + text[(position + 1)..] : text[..position] + (at % 2 == 0 ? "\n" : "\r\n") + text[position..];
        }

        return new TypedValue(PiiType.Iban, lower == 0 ? text.ToLowerInvariant() : text, NeedsLabel: false);
    });

    public static Gen<TypedValue> UsSsn { get; } = Gen.Select(ValidIdentifiers.UsSsn, Gen.Int[0, 2], (ssn, style) => style switch
    {
        0 => new TypedValue(PiiType.UsSsn, $"{ssn[..3]}-{ssn[3..5]}-{ssn[5..]}", NeedsLabel: false),
        1 => new TypedValue(PiiType.UsSsn, $"{ssn[..3]} {ssn[3..5]} {ssn[5..]}", NeedsLabel: false),
        _ => new TypedValue(PiiType.UsSsn, ssn, NeedsLabel: true),
    });

    public static Gen<TypedValue> GermanTaxId { get; } = Gen.Select(ValidIdentifiers.GermanTaxId, Gen.Bool, (id, spaced) =>
        new TypedValue(PiiType.GermanTaxId, spaced ? $"{id[..2]} {id[2..5]} {id[5..8]} {id[8..]}" : id, NeedsLabel: false));

    public static Gen<TypedValue> GermanHealthInsuranceNumber { get; } = ValidIdentifiers.GermanHealthInsuranceNumber.Select(kvnr => new TypedValue(PiiType.GermanHealthInsuranceNumber, kvnr, NeedsLabel: false));

    public static Gen<TypedValue> DutchBsn { get; } = Gen.Select(ValidIdentifiers.DutchBsn, Gen.Int[0, 3], (bsn, style) => new TypedValue(PiiType.DutchBsn, style switch
    {
        0 => $"{bsn[..4]}.{bsn[4..6]}.{bsn[6..]}",
        1 => $"{bsn[..3]}.{bsn[3..6]}.{bsn[6..]}",
        2 => $"{bsn[..3]} {bsn[3..6]} {bsn[6..]}",
        _ => bsn,
    }, NeedsLabel: false));

    public static Gen<TypedValue> AnyChecksummed { get; } = Gen.OneOf(Card, Iban, UsSsn, GermanTaxId, GermanHealthInsuranceNumber, DutchBsn);

    public static string ToFullWidth(string text) => new([.. text.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '\uFF10') : c)]);

    private static int[] CardGrouping(int length) => length switch
    {
        15 => [4, 6, 5],
        14 => [4, 6, 4],
        13 => [4, 4, 5],
        _ => [.. Enumerable.Repeat(4, length / 4), .. length % 4 == 0 ? Array.Empty<int>() : [length % 4]],
    };

    private static IEnumerable<string> Split(string digits, int[] grouping)
    {
        var at = 0;
        foreach (var size in grouping)
        {
            yield return digits.Substring(at, size);
            at += size;
        }
    }
}
