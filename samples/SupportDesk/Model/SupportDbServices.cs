using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf;

namespace SupportDesk.Model;

/// <summary>The support desk's service set-up, shared by the console app, the web mode and the design-time factories.</summary>
public static class SupportDbServices
{
    public static ServiceCollection Create(string keyRingDirectory, Action<PrivacyOptions>? configurePrivacy = null)
    {
        var services = new ServiceCollection();
        services.AddSupportDeskPrivacy(keyRingDirectory, configurePrivacy);
        return services;
    }

    /// <summary>
    /// The key ring and privacy policy every mode uses: one policy, so the web mode reads the blind indexes and
    /// masks exactly as the console wrote them.
    /// </summary>
    public static IServiceCollection AddSupportDeskPrivacy(this IServiceCollection services, string keyRingDirectory, Action<PrivacyOptions>? configurePrivacy = null)
    {
        services.AddDataProtection()
            .SetApplicationName("SupportDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(keyRingDirectory));
        services.AddPrivacy(o =>
        {
            o.NormalizeSearch<Customer>(c => c.Email, SearchNormalization.CaseInsensitive);

            // Least privilege: each role sees what its purpose needs; the rest comes back masked.
            o.Grant(role: "agent", purpose: "support", PersonalDataCategory.Identity, PersonalDataCategory.Contact);
            o.Grant(role: "clerk", purpose: "billing", PersonalDataCategory.Identity, PersonalDataCategory.Contact, PersonalDataCategory.Financial);
            o.Grant(role: "marketer", purpose: "marketing", PersonalDataCategory.Contact);
            o.Purpose("support").Describe("Answering the customer's questions and tickets.");
            o.Purpose("billing").Describe("Invoicing and refunds.");
            o.Purpose("marketing").RequiresConsent().Describe("Product news by e-mail, only to customers who agreed.");

            // A signed-in person sees and changes their own account, and nobody else's.
            o.Purpose("account").AllowSelf(PersonalDataCategory.Identity, PersonalDataCategory.Contact).Describe("A person's own account, which they read and change themselves.");

            // Card numbers and IBANs in chat keep their last four digits, so agents can still tell which one is meant.
            o.Redaction
                .Use(PiiType.CreditCard, RedactionOperator.KeepLastFour)
                .Use(PiiType.Iban, RedactionOperator.KeepLastFour);
            configurePrivacy?.Invoke(o);
        });

        // Logs: [Personal] values a [LoggerMessage] method writes become pseudonyms (erased without this option).
        services.AddPrivacyLogRedaction(o => o.PseudonymizeUncategorized());
        return services;
    }

    public static IServiceCollection AddSqliteSupportDb(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<SupportDb>((sp, o) => o.UseSqlite(connectionString).UsePrivacy(sp));

    public static IServiceCollection AddPostgresSupportDb(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<PostgresSupportDb>((sp, o) => o.UseNpgsql(connectionString).UsePrivacy(sp));
}
