namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// A value's boundaries come from the value: brackets, quotes, signs, punctuation and line breaks around or
/// inside the grouping people type do not hide it, and labels make bare digit runs count (issue 17).
/// </summary>
public sealed class ValueBoundaryTests
{
    public static TheoryData<string, string, string> Positives => new()
    {
        // A character right before the number used to switch the checksummed recognizers off.
        { "bezahlt per Kreditkarte (5317 3097 1234 5679) am Montag", "CREDIT_CARD", "5317 3097 1234 5679" },
        { "Kartennummer:+4556737512345676", "CREDIT_CARD", "4556737512345676" },
        { "card [4111111111111111], thanks", "CREDIT_CARD", "4111111111111111" },
        { "card \"4111 1111 1111 1111\"", "CREDIT_CARD", "4111 1111 1111 1111" },
        { "Kartennr.4111111111111111 bitte", "CREDIT_CARD", "4111111111111111" },
        { "mijn nummer (111222333) klopt", "NL_BSN", "111222333" },
        { "Steuer-ID (86095742719)", "DE_TAX_ID", "86095742719" },
        { "SSN (123-45-6789)", "US_SSN", "123-45-6789" },
        { "ssn=«123-45-6789»", "US_SSN", "123-45-6789" },

        // Labels make a bare run of digits count.
        { "SSN: 536224471", "US_SSN", "536224471" },
        { "Social Security Number 111222333, thanks", "US_SSN", "111222333" },
        { "BSN:111222333.", "NL_BSN", "111222333" },
        { "Bestellung bezahlt mit Karte 4111111111111111", "CREDIT_CARD", "4111111111111111" },
        { "Karte 4111 1111 1111 1111 123", "CREDIT_CARD", "4111 1111 1111 1111" },

        // A valid card number is a card even where a reference number could stand: a card that leaks costs
        // more than an order number that is hidden.
        { "cc# 6011455253997522 exp 04/29", "CREDIT_CARD", "6011455253997522" },
        { "order no. 4111111111111111 shipped", "CREDIT_CARD", "4111111111111111" },
        { "BSN-Nr.111222333", "NL_BSN", "111222333" },

        // IBAN: any case, broken across a line.
        { "iban de89 3704 0044 0532 0130 00 bitte", "IBAN", "de89 3704 0044 0532 0130 00" },
        { "rekening nl91abna0417164300.", "IBAN", "nl91abna0417164300" },
        { "IBAN: DE89 3704 0044\n0532 0130 00\nDanke", "IBAN", "DE89 3704 0044\n0532 0130 00" },
        { "IBAN: DE89 3704 0044 05\r\n32 0130 00", "IBAN", "DE89 3704 0044 05\r\n32 0130 00" },
        { "(IBAN:NL91ABNA0417164300)", "IBAN", "NL91ABNA0417164300" },

        // Card digit groups: tabs, dots, repeated spaces, full-width digits.
        { "card\t4111\t1111\t1111\t1111\tok", "CREDIT_CARD", "4111\t1111\t1111\t1111" },
        { "Karte 4111.1111.1111.1111.", "CREDIT_CARD", "4111.1111.1111.1111" },
        { "kaart 4111  1111  1111  1111 graag", "CREDIT_CARD", "4111  1111  1111  1111" },
        { "カード ４１１１ １１１１ １１１１ １１１１ です", "CREDIT_CARD", "４１１１ １１１１ １１１１ １１１１" },
        { "card 4111\u00A01111\u00A01111\u00A01111", "CREDIT_CARD", "4111\u00A01111\u00A01111\u00A01111" },

        // A card wrapped across a line; phone numbers on lines of their own stay apart.
        { "Kreditkarte: 4111 1111\n1111 1111 bitte", "CREDIT_CARD", "4111 1111\n1111 1111" },
        { "card:\r\n5317 3097 1234\r\n5679", "CREDIT_CARD", "5317 3097 1234\r\n5679" },

        // Phones: a national trunk prefix before the area code, Dutch mobiles in pairs.
        { "call 1 (202) 555-0168 now", "PHONE", "1 (202) 555-0168" },
        { "call 1-202-555-0168", "PHONE", "1-202-555-0168" },
        { "bel 06-80 82 30 15 of mail", "PHONE", "06-80 82 30 15" },
        { "bel 06 80 82 30 15", "PHONE", "06 80 82 30 15" },
        { "Tel. +49 (0)30 1234567", "PHONE", "+49 (0)30 1234567" },
        { "Mobil: 0171/123 45 67", "PHONE", "0171/123 45 67" },
        { "Kontakt: 089 12 34 56 78", "PHONE", "089 12 34 56 78" },
        { "Tel 030 / 123 456 78", "PHONE", "030 / 123 456 78" },

        // An IBAN that runs into the next word.
        { "IBAN NL91 ABNA 0417 1643 00BIC ABNANL2A", "IBAN", "NL91 ABNA 0417 1643 00" },
        { "tel +31(0)20-1234567", "PHONE", "+31(0)20-1234567" },
    };

    /// <summary>Reference numbers whose last digit happens to pass a check: a bare run right after a reference word, or glued to an identifier, without a label.</summary>
    public static TheoryData<string> References => new()
    {
        "Bestellung 111222333 ist unterwegs",
        "factuur nr. 111222333 betaald",
        "Ticket #86095742719 closed",
        "see INV-4111111111111111 and ORD-111222333",
        "Sendungsnummer: 111222333",
        "Your confirmation code is 111222333.",
        "IMEI 490154203237518",
        "Mitgliedsnummer 86095742719",
        "Aktenzeichen: 111222333",
        "Zählernummer 0123456789",
        "Polisnummer 111222333",

        // Addresses no one is at, versions, and a tracking code whose tail dials like a number.
        "Listening on 0.0.0.0:8080, health check on 127.0.0.1",
        "Nach dem Update auf 7.1.0.2 stürzt die App ab.",
        "upgraded to 10.2.0.1 yesterday",
        "Tracking: 1Z 999 AA1 01 2345 6784",
        "Tracking: 0034 0434 1612 3456 7890",
        "SSCC 0034 0434 1612 3456 7890 delivered",
        "Sendungsnummer: 0034-0434-1612-3456-7890",
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Finds_the_value_whatever_surrounds_it(string text, string label, string value) => RedactionAssert.FindsOnly(text, label, value);

    [Theory]
    [MemberData(nameof(References))]
    public void Leaves_reference_numbers_without_a_label(string text) => RedactionAssert.Untouched(text);

    [Fact]
    public void Numbers_on_lines_of_their_own_are_values_of_their_own()
    {
        const string text = "Tel.:\n030 1234567\n089 7654321\nSteuer-ID\n86095742719\n2024";

        var result = PiiRedactor.Default.Redact(text);

        Assert.Equal("Tel.:\n[REDACTED:PHONE]\n[REDACTED:PHONE]\nSteuer-ID\n[REDACTED:DE_TAX_ID]\n2024", result.Text);
    }

    [Fact]
    public void The_nearest_label_decides_between_ssn_and_bsn()
    {
        var result = PiiRedactor.Default.Redact("ssn: 123-45-6789; bsn: 111222333; SSN 111222333");

        Assert.Equal(["US_SSN", "NL_BSN", "US_SSN"], result.Findings.Select(f => f.Label));
    }

    [Fact]
    public void Keeping_the_last_four_of_a_full_width_card_keeps_its_own_digits()
    {
        var redactor = Redactors.LastFourAndPseudonyms();

        var result = redactor.Redact("４１１１ １１１１ １１１１ １１１１");

        Assert.Equal("[REDACTED:CREDIT_CARD:****１１１１]", result.Text);
    }
}
