namespace PrivacyEf.Tests.Redaction;

internal static class Redactors
{
    public static byte[] FixedKey { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static PiiRedactor LastFourAndPseudonyms(byte[]? key = null) => new(new RedactionOptions { PseudonymKey = key ?? FixedKey }
        .Use(PiiType.CreditCard, RedactionOperator.KeepLastFour)
        .Use(PiiType.Iban, RedactionOperator.KeepLastFour)
        .Use(PiiType.Email, RedactionOperator.Pseudonymize)
        .Use(PiiType.Phone, RedactionOperator.Pseudonymize));
}
