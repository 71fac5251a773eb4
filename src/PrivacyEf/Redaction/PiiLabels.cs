namespace PrivacyEf.Redaction;

/// <summary>The labels written into replacements; stable, because stored text contains them.</summary>
internal static class PiiLabels
{
    public static string For(PiiType type) => type switch
    {
        PiiType.CreditCard => "CREDIT_CARD",
        PiiType.Iban => "IBAN",
        PiiType.Email => "EMAIL",
        PiiType.Phone => "PHONE",
        PiiType.UsSsn => "US_SSN",
        PiiType.GermanTaxId => "DE_TAX_ID",
        PiiType.GermanHealthInsuranceNumber => "DE_KVNR",
        PiiType.DutchBsn => "NL_BSN",
        PiiType.IpAddress => "IP_ADDRESS",
        PiiType.ApiKey => "API_KEY",
        PiiType.Password => "PASSWORD",
        PiiType.DateOfBirth => "DATE_OF_BIRTH",
        _ => "CUSTOM",
    };
}
