using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyEf;
using PrivacyEf.Composition;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PrivacyEf in an application's services.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Adds PrivacyEf: its options, the application's data key ring (wrapped with ASP.NET Core Data
    /// Protection, which the host configures as usual) and the interceptors <c>UsePrivacy</c> installs.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Configures grants, purposes and other options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, Action<PrivacyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptions<PrivacyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<PrivacyRuntime>();

        // The access log has a retention of its own, which every retention purge applies.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<PrivacyEf.IRetentionParticipant, PrivacyEf.Access.Logging.AccessLogRetentionParticipant>());
        return services;
    }
}
