using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PrivacyEf;
using PrivacyEf.Composition;
using PrivacyEf.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers log redaction of PrivacyEf-classified data in an application's services.</summary>
public static class PrivacyLogRedactionServiceCollectionExtensions
{
    /// <summary>
    /// Makes logging redact every value classified with <see cref="PersonalAttribute"/>: a <c>[LogProperties]</c>
    /// argument's annotated properties and a <c>[Personal(...)]</c> parameter of a <c>[LoggerMessage]</c> method. It
    /// adds <c>Microsoft.Extensions.Compliance.Redaction</c>'s <c>AddRedaction</c> with a redactor per
    /// <see cref="PrivacyTaxonomy"/> classification (erased by default, see <see cref="PrivacyLogRedactionOptions"/>
    /// for the mapping), makes the fallback redactor erase, so a classification without a redactor is never written,
    /// and turns redaction on in logging (<c>EnableRedaction</c>, without the field-name discriminator, so a value has one
    /// pseudonym in every field, the one masking shows). Adds PrivacyEf's services if they are missing.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Picks the categories written as pseudonyms, and the free-text opt-in.</param>
    /// <returns>The services, for chaining.</returns>
    /// <remarks>
    /// Only the <c>[LoggerMessage]</c> generator of <c>Microsoft.Extensions.Telemetry.Abstractions</c> (which this
    /// package brings) passes classifications to the logger; <c>logger.LogInformation("{Email}", email)</c> carries
    /// none, and its values are redacted only with <see cref="PrivacyLogRedactionOptions.RedactFreeText"/>. With that
    /// option on, call this after the logging set-up that replaces the logger factory (such as <c>EnableEnrichment</c>).
    /// </remarks>
    public static IServiceCollection AddPrivacyLogRedaction(this IServiceCollection services, Action<PrivacyLogRedactionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PrivacyLogRedactionOptions();
        configure?.Invoke(options);

        services.AddPrivacy();
        services.AddRedaction(redaction =>
        {
            var erased = new List<DataClassificationSet>();
            var pseudonyms = new List<DataClassificationSet>();
            foreach (var category in Enum.GetValues<PersonalDataCategory>())
            {
                (options.PseudonymizedCategories.Contains(category) ? pseudonyms : erased).Add(new DataClassificationSet(PrivacyTaxonomy.For(category)));
            }

            (options.PseudonymizesUncategorized ? pseudonyms : erased).Add(new DataClassificationSet(PrivacyTaxonomy.Uncategorized));
            redaction.SetRedactor<ErasingRedactor>([.. erased]);
            if (pseudonyms.Count > 0)
            {
                redaction.SetRedactor<PseudonymLogRedactor>([.. pseudonyms]);
            }

            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        // Without the field name mixed in, a pseudonym is the value's alone: the token masking shows for it.
        services.AddLogging(logging => logging.EnableRedaction(redaction => redaction.ApplyDiscriminator = false));

        if (options.RedactFreeText)
        {
            RedactFreeTextBeforeProviders(services);
        }

        return services;
    }

    /// <summary>
    /// Builds the logger factory the services would build, with each logging provider behind a
    /// <see cref="FreeTextRedactingLoggerProvider"/>: providers registered after this call are wrapped too, since they
    /// are read when the factory is made.
    /// </summary>
    private static void RedactFreeTextBeforeProviders(IServiceCollection services)
    {
        var factory = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        if (factory?.ImplementationType is not { } factoryType)
        {
            throw new InvalidOperationException("PrivacyEf cannot redact free text in logs: the logger factory is not registered by its type, so its providers cannot be wrapped.");
        }

        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton(sp =>
        {
            var redactor = new FreeTextRedactorSource(() => sp.GetRequiredService<PrivacyRuntime>().Redaction.Redactor);
            ILoggerProvider[] providers = [.. sp.GetServices<ILoggerProvider>().Select(p => new FreeTextRedactingLoggerProvider(p, redactor))];
            return (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, factoryType, (IEnumerable<ILoggerProvider>)providers);
        });
    }
}
