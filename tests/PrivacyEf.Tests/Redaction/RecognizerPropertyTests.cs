using CsCheck;

namespace PrivacyEf.Tests.Redaction;

/// <summary>
/// Generated valid identifiers of every checksummed type, embedded in generated surroundings, are all found
/// with their exact span; generated look-alikes are all left as they are (issue 17, item 3).
/// </summary>
public sealed class RecognizerPropertyTests
{
    private const int Iterations = 3000;

    public static TheoryData<string> ChecksummedTypes => new() { "card", "iban", "ssn", "tax-id", "kvnr", "bsn" };

    [Theory]
    [MemberData(nameof(ChecksummedTypes))]
    public void Every_valid_identifier_is_found_with_its_exact_span(string type)
    {
        var values = type switch
        {
            "card" => TypedIdentifiers.Card,
            "iban" => TypedIdentifiers.Iban,
            "ssn" => TypedIdentifiers.UsSsn,
            "tax-id" => TypedIdentifiers.GermanTaxId,
            "kvnr" => TypedIdentifiers.GermanHealthInsuranceNumber,
            _ => TypedIdentifiers.DutchBsn,
        };

        EmbeddingTemplates.Embed(values).Sample(
            embedded =>
            {
                var findings = PiiRedactor.Default.Redact(embedded.Text).Findings;
                Assert.Contains(findings, f => f.Start == embedded.Start && f.Length == embedded.Length && f.Type == embedded.Type);
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Identifiers_with_a_check_digit_off_by_one_are_left_alone() =>
        LookAlikes.OffByOne.Sample(embedded => AssertUntouched(embedded.Text), iter: Iterations, print: Describe);

    [Fact]
    public void Ssns_the_ssa_never_issues_are_left_alone() =>
        LookAlikes.UnissuedSsn.Sample(embedded => AssertUntouched(embedded.Text), iter: Iterations, print: Describe);

    [Fact]
    public void Versions_dates_order_numbers_amounts_and_asset_names_are_left_alone() =>
        LookAlikes.AnyUnlabelled.Sample(AssertUntouched, iter: Iterations, print: Escape);

    private static void AssertUntouched(string text)
    {
        var result = PiiRedactor.Default.Redact(text);
        Assert.True(result.Findings.Count == 0, $"{Escape(text)} => {Escape(result.Text)}");
    }

    private static string Describe(EmbeddedValue embedded) => $"{embedded.Type} '{Escape(embedded.Text.Substring(embedded.Start, embedded.Length))}' in \"{Escape(embedded.Text)}\"";

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
