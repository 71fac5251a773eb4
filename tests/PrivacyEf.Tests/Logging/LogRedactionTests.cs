using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyEf.Access.Masking;
using PrivacyEf.Composition;

namespace PrivacyEf.Tests.Logging;

/// <summary>
/// AddPrivacyLogRedaction: values classified with [Personal] never reach a logging provider, through [LogProperties]
/// and through a classified [LoggerMessage] parameter; pseudonyms are stable per key ring and are masking's tokens;
/// free text is redacted only when asked for.
/// </summary>
public sealed partial class LogRedactionTests : IDisposable
{
    private const string Email = "ada.lovelace@example.com";
    private const string Name = "Ada Lovelace";
    private const string Card = "4111 1111 1111 1111";

    private readonly string keyRing = Directory.CreateTempSubdirectory("privacyef-log-keys-").FullName;

    private static LoggedCustomer Customer => new() { Id = 42, Email = Email, Name = Name, Tier = "gold" };

    public void Dispose() => Directory.Delete(keyRing, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_app_whose_fallback_writes_classified_values_prints_them_unless_PrivacyEf_maps_its_taxonomy(bool privacyLogRedaction)
    {
        using var app = LoggingApp.Start(keyRing, services =>
        {
            if (privacyLogRedaction)
            {
                services.AddPrivacyLogRedaction();
            }

            // The application's own redaction set-up, after PrivacyEf's: its fallback wins, its mappings add to PrivacyEf's.
            services.AddLogging(logging => logging.EnableRedaction());
            services.AddRedaction(redaction => redaction.SetFallbackRedactor<PassThroughRedactor>());
        });

        CustomerLog.SignedIn(app.Logger, Customer);
        CustomerLog.ResetSent(app.Logger, Email);

        Assert.Equal(!privacyLogRedaction, app.Output.Contains(Email, StringComparison.Ordinal));
        Assert.Equal(!privacyLogRedaction, app.Output.Contains(Name, StringComparison.Ordinal));
        Assert.Contains("customer.Tier=gold", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_properties_of_an_annotated_entity_are_erased_and_the_rest_is_kept()
    {
        using var app = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction());

        CustomerLog.SignedIn(app.Logger, Customer);

        var record = Assert.Single(app.Records);
        Assert.DoesNotContain(Email, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, app.Output, StringComparison.Ordinal);
        Assert.Equal("", record.GetStructuredStateValue("customer.Email"));
        Assert.Equal("", record.GetStructuredStateValue("customer.Name"));
        Assert.Equal("42", record.GetStructuredStateValue("customer.Id"));
        Assert.Equal("gold", record.GetStructuredStateValue("customer.Tier"));
    }

    [Fact]
    public void A_personal_parameter_is_erased_from_message_and_state()
    {
        using var app = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction());

        CustomerLog.ResetSent(app.Logger, Email);

        var record = Assert.Single(app.Records);
        Assert.DoesNotContain(Email, app.Output, StringComparison.Ordinal);
        Assert.Equal("Password reset sent to ", record.Message);
    }

    [Fact]
    public void A_classification_of_the_taxonomy_that_nothing_maps_is_erased()
    {
        using var app = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.Pseudonymize(Enum.GetValues<PersonalDataCategory>().Where(c => c != PersonalDataCategory.Credentials).ToArray()).PseudonymizeUncategorized()));

        CustomerLog.LookedUp(app.Logger, "secret-key-value");

        Assert.DoesNotContain("secret-key-value", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("psn_", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudonyms_are_masking_tokens_stable_across_providers_that_share_the_key_ring()
    {
        using var first = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.PseudonymizeUncategorized()));
        using var second = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.PseudonymizeUncategorized()));

        CustomerLog.SignedIn(first.Logger, Customer);
        CustomerLog.SignedIn(second.Logger, Customer);
        CustomerLog.ResetSent(second.Logger, Email);

        var token = Assert.Single(first.Records).GetStructuredStateValue("customer.Email");
        Assert.Matches(PseudonymPattern(), token);
        Assert.Equal(token, second.Records[0].GetStructuredStateValue("customer.Email"));
        Assert.Equal("Password reset sent to " + token, second.Records[1].Message);
        Assert.DoesNotContain(Email, first.Output + second.Output, StringComparison.Ordinal);

        // What a reader with a pseudonym mask sees for the same value: the log line can be matched to the record.
        var access = first.Services.GetRequiredService<PrivacyRuntime>().Access;
        Assert.Equal(PseudonymToken.Of(Email, access.PseudonymKeyFor(MaskStyle.Pseudonym)), token);

        Assert.Equal(PseudonymToken.Of(Name, access.PseudonymKeyFor(MaskStyle.Pseudonym)), first.Records[0].GetStructuredStateValue("customer.Name"));
    }

    [Fact]
    public void Each_category_maps_to_its_redactor_and_the_rest_of_the_taxonomy_is_erased()
    {
        using var app = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.Pseudonymize(PersonalDataCategory.Contact)));
        var redactors = app.Services.GetRequiredService<IRedactorProvider>();

        Assert.StartsWith("psn_", redactors.GetRedactor(PrivacyTaxonomy.For(PersonalDataCategory.Contact)).Redact(Email), StringComparison.Ordinal);
        Assert.Equal("", redactors.GetRedactor(PrivacyTaxonomy.For(PersonalDataCategory.Identity)).Redact(Name));
        Assert.Equal("", redactors.GetRedactor(PrivacyTaxonomy.Uncategorized).Redact(Email));
        Assert.Equal("", redactors.GetRedactor(new Microsoft.Extensions.Compliance.Classification.DataClassification(PrivacyTaxonomy.Name, "Unlisted")).Redact(Email));
    }

    [Fact]
    public void Another_key_ring_gives_other_pseudonyms()
    {
        var otherRing = Directory.CreateTempSubdirectory("privacyef-log-keys-").FullName;
        try
        {
            using var first = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.PseudonymizeUncategorized()));
            using var other = LoggingApp.Start(otherRing, services => services.AddPrivacyLogRedaction(o => o.PseudonymizeUncategorized()));

            CustomerLog.ResetSent(first.Logger, Email);
            CustomerLog.ResetSent(other.Logger, Email);

            Assert.NotEqual(first.Records[^1].Message, other.Records[^1].Message);
        }
        finally
        {
            Directory.Delete(otherRing, recursive: true);
        }
    }

    [Fact]
    public void Credentials_are_never_pseudonymized_by_category_and_erased_by_default()
    {
        Assert.Throws<ArgumentException>(() => new PrivacyLogRedactionOptions().Pseudonymize(PersonalDataCategory.Credentials));

        using var app = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.Pseudonymize(PersonalDataCategory.Contact)));
        CustomerLog.PasswordChanged(app.Logger, "hunter2-correct-horse");

        Assert.Equal("Password changed to ", app.Records[^1].Message);
    }

    [Fact]
    public void Free_text_is_redacted_only_when_opted_in()
    {
        using var plain = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction());
        using var scanned = LoggingApp.Start(keyRing, services => services.AddPrivacyLogRedaction(o => o.RedactFreeText = true));

        foreach (var app in new[] { plain, scanned })
        {
#pragma warning disable CA1848, CA1873 // The opt-in is for plain log calls, which applications do write.
            app.Logger.LogInformation("Customer paid with " + Card);
            app.Logger.LogInformation("Card {Card} charged {Amount} EUR", Card, 12.5m);
#pragma warning restore CA1848, CA1873
            CustomerLog.SignedIn(app.Logger, Customer);
        }

        Assert.Contains(Card, plain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, scanned.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", scanned.Output, StringComparison.Ordinal);
        var records = scanned.Records;
        Assert.StartsWith("Customer paid with [REDACTED", records[0].Message, StringComparison.Ordinal);
        Assert.Equal("12.5", records[1].GetStructuredStateValue("Amount"));
        Assert.Equal("Card {Card} charged {Amount} EUR", records[1].GetStructuredStateValue("{OriginalFormat}"));

        // Classified values are still erased, and plain ones kept, with free text on.
        Assert.DoesNotContain(Email, scanned.Output, StringComparison.Ordinal);
        Assert.Equal("gold", records[2].GetStructuredStateValue("customer.Tier"));
    }

    [Fact]
    public void A_record_is_withheld_with_the_reason_not_dropped_when_free_text_redaction_is_unavailable()
    {
        var collection = new ServiceCollection();

        // A pseudonym key cannot be derived from a key ring that cannot protect anything: the redactor cannot be made.
        collection.AddSingleton<IDataProtectionProvider>(new FailingDataProtectionProvider());
        collection.AddPrivacy();
        collection.AddPrivacyLogRedaction(o => o.RedactFreeText = true);
        collection.AddLogging(logging => logging.AddFakeLogging());
        using var services = collection.BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportDesk.Customers");

#pragma warning disable CA1848, CA1873 // The opt-in is for plain log calls.
        logger.LogInformation("Customer paid with " + Card);
#pragma warning restore CA1848, CA1873

        var record = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Category == "SupportDesk.Customers");
        Assert.StartsWith("[PrivacyEf withheld this record: free-text redaction is unavailable", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, record.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^psn_[0-9a-f]{16}$")]
    private static partial Regex PseudonymPattern();
}
