namespace PrivacyEf.Tests.Redaction;

/// <summary>Each recognizer on documented test values and on near misses that fail its validation.</summary>
public sealed class RecognizerTests
{
    public static TheoryData<string, string, string> Positives => new()
    {
        // Issuers' documented test card numbers.
        { "Visa 4111 1111 1111 1111 please", "CREDIT_CARD", "4111 1111 1111 1111" },
        { "mc 5555-5555-5555-4444.", "CREDIT_CARD", "5555-5555-5555-4444" },
        { "Amex 378282246310005", "CREDIT_CARD", "378282246310005" },
        { "Mastercard 2-series 2223003122003222", "CREDIT_CARD", "2223003122003222" },
        { "Discover: 6011111111111117", "CREDIT_CARD", "6011111111111117" },
        { "JCB 3530111333300000 exp 12/30", "CREDIT_CARD", "3530111333300000" },

        // ISO 13616 examples.
        { "IBAN DE89 3704 0044 0532 0130 00 thanks", "IBAN", "DE89 3704 0044 0532 0130 00" },
        { "Rekening NL91ABNA0417164300.", "IBAN", "NL91ABNA0417164300" },
        { "GB82 WEST 1234 5698 7654 32", "IBAN", "GB82 WEST 1234 5698 7654 32" },
        { "BE68539007547034", "IBAN", "BE68539007547034" },

        { "write to ada.lovelace+desk@example.co.uk.", "EMAIL", "ada.lovelace+desk@example.co.uk" },
        { "Mail: jan.de.vries@bedrijf.example", "EMAIL", "jan.de.vries@bedrijf.example" },

        { "call +49 30 1234567 today", "PHONE", "+49 30 1234567" },
        { "Tel. 030 12345678", "PHONE", "030 12345678" },
        { "mobil 0171 1234567", "PHONE", "0171 1234567" },
        { "Büro 089/1234567", "PHONE", "089/1234567" },
        { "bel 06-12345678", "PHONE", "06-12345678" },
        { "bel +31 20 123 4567", "PHONE", "+31 20 123 4567" },
        { "call (212) 555-0143", "PHONE", "(212) 555-0143" },
        { "call 212-555-0143", "PHONE", "212-555-0143" },
        { "call 0044 20 7946 0958", "PHONE", "0044 20 7946 0958" },

        { "SSN 123-45-6789.", "US_SSN", "123-45-6789" },
        { "Steuer-ID 86095742719", "DE_TAX_ID", "86095742719" },
        { "Steuer-ID 86 095 742 719", "DE_TAX_ID", "86 095 742 719" },
        { "KVNR A123456780", "DE_KVNR", "A123456780" },
        { "BSN 111222333", "NL_BSN", "111222333" },
        { "BSN 1112.22.333", "NL_BSN", "1112.22.333" },

        { "from 192.0.2.44 at noon", "IP_ADDRESS", "192.0.2.44" },
        { "host 2001:db8::8a2e:370:7334.", "IP_ADDRESS", "2001:db8::8a2e:370:7334" },
        { "host fe80:0:0:0:200:f8ff:fe21:67cf", "IP_ADDRESS", "fe80:0:0:0:200:f8ff:fe21:67cf" },

        { "key sk_live_4eC39HqLyjWDarjtT1zdp7dc", "API_KEY", "sk_live_4eC39HqLyjWDarjtT1zdp7dc" },
        { "token glpat-bibERtCSSCbrnBeVbSza (rotate it)", "API_KEY", "glpat-bibERtCSSCbrnBeVbSza" },
        { "den alten API-Key AKIAFSBOXJUPVSQQDGNN sperren", "API_KEY", "AKIAFSBOXJUPVSQQDGNN" },
        { "aws AKIAIOSFODNN7EXAMPLE", "API_KEY", "AKIAIOSFODNN7EXAMPLE" },
        { "token ghp_16C7e42F292c6912E7710c838347Ae178B4a", "API_KEY", "ghp_16C7e42F292c6912E7710c838347Ae178B4a" },
        { "slack xoxb-123456789012-123456789012-AbCdEfGhIjKlMnOpQrStUvWx", "API_KEY", "xoxb-123456789012-123456789012-AbCdEfGhIjKlMnOpQrStUvWx" },

        { "my password is Sommer2024!", "PASSWORD", "Sommer2024!" },
        { "Passwort: geheim123.", "PASSWORD", "geheim123" },
        { "Het wachtwoord is \"Tulp 12\" hoor", "PASSWORD", "Tulp 12" },
        { "das Kennwort für das Portal lautet Xy9#kk", "PASSWORD", "Xy9#kk" },
        { "user=ada pwd=hunter22", "PASSWORD", "hunter22" },

        { "date of birth: 12/03/1985", "DATE_OF_BIRTH", "12/03/1985" },
        { "born on 4 March 1979 in York", "DATE_OF_BIRTH", "4 March 1979" },
        { "geboren am 12.03.1985", "DATE_OF_BIRTH", "12.03.1985" },
        { "Geburtsdatum: 3. Mai 1990", "DATE_OF_BIRTH", "3. Mai 1990" },
        { "geboortedatum 1985-03-12", "DATE_OF_BIRTH", "1985-03-12" },
        { "geboren op 3 mei 1990", "DATE_OF_BIRTH", "3 mei 1990" },
        { "DOB March 12, 1985", "DATE_OF_BIRTH", "March 12, 1985" },
    };

    public static TheoryData<string> Negatives => new()
    {
        "Order 4111 1111 1111 1112 failed",             // Luhn fails
        "Ref 1234567812345678",                           // Luhn passes, no issuer range
        "IBAN DE88 3704 0044 0532 0130 00",               // wrong check digits
        "IBAN DE89 3704 0044 0532 0130",                  // too short for Germany
        "Steuer-ID 86095742718",                          // wrong check digit
        "Steuer-ID 12345678903",                          // no repeated digit
        "BSN 111222334",                                  // elfproef fails
        "KVNR A123456789",                                // wrong check digit
        "SSN 000-12-3456 and 666-12-3456 and 912-12-3456 and 123-00-4567 and 123-45-0000",
        "Version 1.2.3.4 and build 10.0.2.1",
        "IP 256.1.1.1 and 01.02.03.04",
        "invoice INV-2024-0042, Rechnung RE-2024-1234567",
        "Delivered on 12.03.2024 at 14:30:00",
        "Total 1.234,56 EUR, $12,345.67",
        "The password is incorrect.",
        "Passwort vergessen? Het wachtwoord is verlopen.",
        "password reset link sent",
        "born in 1985, geboren 1990",
        "std::vector and 12:30:45 and MAC 00:1A:2B:3C:4D:5E",
        "user@localhost is not an address, nor is @handle",
        "sk_live_ is the prefix of Stripe keys",
        "see sk-ant-documentation-overview for the prefixes",
        "zip 10115 Berlin, 1012 LG Amsterdam",
        "tracking 00340434161234567890",
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Finds_the_value_with_its_exact_span(string text, string label, string value) => RedactionAssert.FindsOnly(text, label, value);

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Leaves_values_that_fail_validation(string text) => RedactionAssert.Untouched(text);

    [Fact]
    public void Finds_several_values_in_one_text_in_order()
    {
        const string text = "Card 4111111111111111, IBAN NL91ABNA0417164300, mail a@example.com, password: Xy9#kk";

        var result = PiiRedactor.Default.Redact(text);

        Assert.Equal(["CREDIT_CARD", "IBAN", "EMAIL", "PASSWORD"], result.Findings.Select(f => f.Label));
        Assert.Equal("Card [REDACTED:CREDIT_CARD], IBAN [REDACTED:IBAN], mail [REDACTED:EMAIL], password: [REDACTED:PASSWORD]", result.Text);
    }

    [Fact]
    public void Redacting_redacted_text_changes_nothing()
    {
        const string text = "Card 4111 1111 1111 1111, IBAN DE89370400440532013000, born 12.03.1985, +49 30 1234567, 192.0.2.1, password: hunter22, mail a@example.com";
        var pseudonymizeAll = new RedactionOptions { PseudonymKey = Redactors.FixedKey };
        foreach (var type in Enum.GetValues<PiiType>().Where(t => t != PiiType.Custom))
        {
            pseudonymizeAll.Use(type, RedactionOperator.Pseudonymize);
        }

        foreach (var redactor in new[] { PiiRedactor.Default, Redactors.LastFourAndPseudonyms(), new PiiRedactor(pseudonymizeAll) })
        {
            var once = redactor.Redact(text);
            var twice = redactor.Redact(once.Text);

            Assert.NotEmpty(once.Findings);
            Assert.True(twice.Findings.Count == 0, $"{once.Text} => {twice.Text}");
            Assert.Equal(once.Text, twice.Text);
        }
    }

    [Fact]
    public void The_readme_example_holds()
    {
        var r = PiiRedactor.Default.Redact("card 4111 1111 1111 1111, password: hunter22");

        Assert.Equal("card [REDACTED:CREDIT_CARD], password: [REDACTED:PASSWORD]", r.Text);
        Assert.Equal([new RedactionFinding(PiiType.CreditCard, 5, 19, "CREDIT_CARD"), new RedactionFinding(PiiType.Password, 36, 8, "PASSWORD")], r.Findings);
    }
}
