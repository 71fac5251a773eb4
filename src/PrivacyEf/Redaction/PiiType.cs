namespace PrivacyEf;

/// <summary>The kinds of personal data <see cref="PiiRedactor"/> recognizes in free text.</summary>
public enum PiiType
{
    /// <summary>A payment card number (13-19 digits, Luhn check and known issuer ranges).</summary>
    CreditCard,

    /// <summary>An international bank account number (ISO 13616: per-country length and mod-97 check).</summary>
    Iban,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A phone number in E.164 or German, Dutch or US national format.</summary>
    Phone,

    /// <summary>A US social security number (SSA area, group and serial rules).</summary>
    UsSsn,

    /// <summary>A German tax identification number (Steuer-IdNr, ISO 7064 MOD 11,10 and digit-repetition rule).</summary>
    GermanTaxId,

    /// <summary>A German health insurance number (Krankenversichertennummer, with check digit).</summary>
    GermanHealthInsuranceNumber,

    /// <summary>A Dutch citizen service number (BSN, elfproef).</summary>
    DutchBsn,

    /// <summary>An IPv4 or IPv6 address.</summary>
    IpAddress,

    /// <summary>A secret API key or token with a known prefix (such as <c>sk_live_</c>, <c>ghp_</c>, <c>AKIA</c>, <c>xoxb-</c>).</summary>
    ApiKey,

    /// <summary>A password, recognized by a context phrase in English, German or Dutch.</summary>
    Password,

    /// <summary>A date of birth, recognized by a context phrase in English, German or Dutch.</summary>
    DateOfBirth,

    /// <summary>A match of a recognizer added through <see cref="RedactionOptions.AddRecognizer"/>.</summary>
    Custom,
}
