namespace PrivacyEf.Redaction;

/// <summary>
/// What the words before a number say about it. A label ("SSN", "BSN", "Steuer-ID", "Kartennummer") makes a
/// checksum-valid run of bare digits count as that identifier; a reference word right before it ("order",
/// "Bestellung", "factuur", "#") says a bare run is a reference number, whose check digit passes by chance.
/// Only checksum-valid candidates are looked at, so the cost is paid rarely.
/// </summary>
internal static class IdentifierContext
{
    private const int LabelWindowChars = 56;

    // An SSN label is named once and the number given a sentence later ("my social on file ... it should read X").
    private const int SsnLabelWindowChars = 100;
    private const int ReferenceWindowChars = 24;

    // Stems, matched case-insensitively anywhere in the window before the number ("Kreditkartennummer" holds
    // "karte"); a stem of four letters or fewer must start a word ("ssn" but not "lessn").
    private static readonly string[] CardLabels = ["card", "karte", "kaart", "visa", "mastercard", "amex", "maestro", "creditcard"];
    private static readonly string[] SsnLabels = ["ssn", "s.s.n", "social", "socal security", "soc. sec", "soc sec", "ss#", "ss no", "taxpayer", "sozialversicherung", "w-2"];
    private static readonly string[] BsnLabels = ["bsn", "burgerservice", "sofinummer", "sofi-nummer", "sofi nr"];
    private static readonly string[] TaxIdLabels = ["steuer", "idnr", "id-nr", "tax id", "tax-id", "taxpayer", "tin", "identifikationsnummer"];

    private static readonly string[] ReferenceWords =
    [
        "order", "bestell", "auftrag", "invoice", "rechnung", "factuur", "ticket", "tracking", "sendung", "zending", "ref",
        "case", "vorgang", "zaak", "dossier", "artikel", "article", "item", "sku", "kunden", "customer", "klant", "contract",
        "vertrag", "paket", "pakket", "parcel", "transaction", "transaktion", "transactie", "confirmation", "bestätigung",
        "bevestiging", "booking", "buchung", "boeking", "serial", "serien", "serie", "model", "part", "teil", "onderdeel", "batch",
        "account", "konto", "referenz", "kenmerk", "aanvraag", "antrag", "request", "code", "imei", "mitglied", "member",
        "lidnummer", "polis", "policy", "police", "akten", "zeichen", "beleg", "receipt", "reserv", "flug", "flight", "vlucht",
        "zähler", "meter",
    ];

    public static bool HasLabelFor(ReadOnlySpan<char> text, int start, PiiType type) => LabelDistance(text, start, type) >= 0;

    /// <summary>How far before <paramref name="start"/> the nearest label for <paramref name="type"/> ends, or -1.</summary>
    public static int LabelDistance(ReadOnlySpan<char> text, int start, PiiType type)
    {
        var labels = type switch
        {
            PiiType.CreditCard => CardLabels,
            PiiType.UsSsn => SsnLabels,
            PiiType.DutchBsn => BsnLabels,
            PiiType.GermanTaxId => TaxIdLabels,
            _ => [],
        };
        var from = Math.Max(0, start - (type == PiiType.UsSsn ? SsnLabelWindowChars : LabelWindowChars));
        var window = text[from..start];
        var nearest = -1;
        foreach (var label in labels)
        {
            var at = window.LastIndexOf(label, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                if (label.Length > 4 || !Chars.IsAsciiLetter(from + at > 0 ? text[from + at - 1] : ' '))
                {
                    var distance = window.Length - (at + label.Length);
                    nearest = nearest < 0 ? distance : Math.Min(nearest, distance);
                    break;
                }

                at = at == 0 ? -1 : window[..at].LastIndexOf(label, StringComparison.OrdinalIgnoreCase);
            }
        }

        return nearest;
    }

    /// <summary>"Order 111222333", "Bestellnr.: 111222333", "factuur #111222333": a reference word or '#' right before the number.</summary>
    public static bool FollowsReferenceWord(ReadOnlySpan<char> text, int start) => FollowsReferenceWord(text, start, hopsLeft: 2);

    private static bool FollowsReferenceWord(ReadOnlySpan<char> text, int start, int hopsLeft)
    {
        var index = start;
        var limit = Math.Max(0, start - ReferenceWindowChars);
        while (index > limit && text[index - 1] is ' ' or '\t' or ':' or '.' or '-' or '(' or '[' or '"' or '\'' or '#' or '=')
        {
            if (text[index - 1] == '#')
            {
                return true;
            }

            index--;
        }

        var wordEnd = index;
        while (index > limit && char.IsLetter(text[index - 1]))
        {
            index--;
        }

        var word = text[index..wordEnd];
        if (IsNumberWord(word) || IsLinkingVerb(word))
        {
            // "order no. 123", "Bestell Nr 123", "the code is 123": the word before says what the number is. Two
            // hops at most ("order number is"), so "nr nr nr ..." costs no more than two words.
            return hopsLeft > 0 && FollowsReferenceWord(text, index, hopsLeft - 1);
        }

        foreach (var reference in ReferenceWords)
        {
            if (word.Contains(reference, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLinkingVerb(ReadOnlySpan<char> word) =>
        word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("ist", StringComparison.OrdinalIgnoreCase)
        || word.Equals("lautet", StringComparison.OrdinalIgnoreCase) || word.Equals("was", StringComparison.OrdinalIgnoreCase)
        || word.Equals("luidt", StringComparison.OrdinalIgnoreCase);

    private static bool IsNumberWord(ReadOnlySpan<char> word) =>
        word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("nr", StringComparison.OrdinalIgnoreCase)
        || word.Equals("number", StringComparison.OrdinalIgnoreCase) || word.Equals("nummer", StringComparison.OrdinalIgnoreCase)
        || word.Equals("num", StringComparison.OrdinalIgnoreCase) || word.Equals("id", StringComparison.OrdinalIgnoreCase);
}
