using System.Text.RegularExpressions;

namespace PrivacyEf.Tests.Redaction;

public sealed class OperatorTests
{
    [Fact]
    public void Keep_last_four_shows_only_the_last_four_characters()
    {
        var result = Redactors.LastFourAndPseudonyms().Redact("card 4111-1111-1111-1111 iban GB82 WEST 1234 5698 7654 32");

        Assert.Equal("card [REDACTED:CREDIT_CARD:****1111] iban [REDACTED:IBAN:****5432]", result.Text);
    }

    [Fact]
    public void Pseudonyms_are_stable_per_value_and_key_and_differ_between_values()
    {
        var redactor = Redactors.LastFourAndPseudonyms();

        var first = redactor.Redact("mail Ada@Example.com or ada@example.com, phone +49 30 1234567").Text;
        var again = Redactors.LastFourAndPseudonyms().Redact("phone +49 30 123 4567 and ada@example.com").Text;
        var other = redactor.Redact("mail grace@example.com").Text;
        var otherKey = Redactors.LastFourAndPseudonyms(Enumerable.Repeat((byte)7, 32).ToArray()).Redact("mail ada@example.com").Text;

        var tokens = Regex.Matches(first, @"\[(EMAIL|PHONE):([a-z]{10})\]").Select(m => m.Value).ToArray();
        Assert.Equal(3, tokens.Length);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Equal($"phone {tokens[2]} and {tokens[0]}", again);
        Assert.DoesNotContain(tokens[0], other, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens[0], otherKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_redactor_pseudonyms_are_stable_within_the_process()
    {
        var redactor = new PiiRedactor(new RedactionOptions().Use(PiiType.Email, RedactionOperator.Pseudonymize));

        Assert.Equal(redactor.Redact("x@example.com").Text, redactor.Redact("x@example.com").Text);
        Assert.NotEqual(redactor.Redact("x@example.com").Text, new PiiRedactor(new RedactionOptions().Use(PiiType.Email, RedactionOperator.Pseudonymize)).Redact("x@example.com").Text);
    }

    [Fact]
    public void Custom_recognizers_run_with_their_validator_and_operator()
    {
        var options = new RedactionOptions()
            .AddRecognizer("EMPLOYEE_ID", @"\bEMP-[0-9]{6}\b", value => value[^1] != '0')
            .AddRecognizer("TICKET_SECRET", @"\btks_[a-z]{8}\b", redactionOperator: RedactionOperator.Pseudonymize);
        options.PseudonymKey = Redactors.FixedKey;
        var redactor = new PiiRedactor(options);

        var result = redactor.Redact("EMP-123456 and EMP-123450, tks_abcdefgh, card 4111111111111111");

        Assert.StartsWith("[REDACTED:EMPLOYEE_ID] and EMP-123450, [TICKET_SECRET:", result.Text, StringComparison.Ordinal);
        Assert.EndsWith(", card [REDACTED:CREDIT_CARD]", result.Text, StringComparison.Ordinal);
        Assert.Equal([PiiType.Custom, PiiType.Custom, PiiType.CreditCard], result.Findings.Select(f => f.Type));
        Assert.Equal("EMPLOYEE_ID", result.Findings[0].Label);
    }

    [Fact]
    public void Ignored_types_stay_in_the_text()
    {
        var redactor = new PiiRedactor(new RedactionOptions().Ignore(PiiType.Email).Ignore(PiiType.IpAddress));

        var result = redactor.Redact("mail a@example.com from 192.0.2.1 with card 4111111111111111");

        Assert.Equal("mail a@example.com from 192.0.2.1 with card [REDACTED:CREDIT_CARD]", result.Text);
    }

    [Fact]
    public void Options_are_copied_when_the_redactor_is_made()
    {
        var options = new RedactionOptions();
        var redactor = new PiiRedactor(options);
        options.Ignore(PiiType.CreditCard);

        Assert.Equal("[REDACTED:CREDIT_CARD]", redactor.Redact("4111111111111111").Text);
    }

    [Fact]
    public void Bad_configuration_is_refused_with_a_clear_message()
    {
        var options = new RedactionOptions();

        Assert.Contains("card numbers and IBANs", Assert.Throws<ArgumentException>(() => options.Use(PiiType.Email, RedactionOperator.KeepLastFour)).Message, StringComparison.Ordinal);
        Assert.Contains("EMP_ID", Assert.Throws<ArgumentException>(() => options.AddRecognizer("EMP_ID", @"(a)\1")).Message, StringComparison.Ordinal);
        Assert.Contains("bad label", Assert.Throws<ArgumentException>(() => options.AddRecognizer("bad label", "x")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => options.PseudonymKey = new byte[8]);
    }
}
