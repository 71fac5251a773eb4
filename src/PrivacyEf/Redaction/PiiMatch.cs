namespace PrivacyEf.Redaction;

/// <summary>A candidate finding before overlaps are resolved. <paramref name="Recognizer"/> indexes the custom recognizers, -1 for built-in types.</summary>
internal readonly record struct PiiMatch(int Start, int Length, PiiType Type, int Recognizer = -1)
{
    public int End => Start + Length;

    /// <summary>Who wins when two candidates start at the same place with the same length: the lower rank.</summary>
    public int Rank => Type switch
    {
        PiiType.Custom => 0,
        PiiType.ApiKey => 1,
        PiiType.Password => 2,
        PiiType.Email => 3,
        PiiType.Iban => 4,
        PiiType.CreditCard => 5,
        PiiType.GermanHealthInsuranceNumber => 6,
        PiiType.GermanTaxId => 7,
        PiiType.DutchBsn => 8,
        PiiType.UsSsn => 9,
        PiiType.IpAddress => 10,
        PiiType.Phone => 11,
        _ => 12,
    };
}
