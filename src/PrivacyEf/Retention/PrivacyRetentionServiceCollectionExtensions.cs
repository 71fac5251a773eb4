using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PrivacyEf.Retention;

using PrivacyEf;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PrivacyEf's scheduled retention purge.</summary>
public static class PrivacyRetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds a hosted service that purges <typeparamref name="TContext"/>'s database every day (02:30 UTC unless
    /// <paramref name="configure"/> says otherwise) on the application's <see cref="TimeProvider"/>.
    /// </summary>
    /// <typeparam name="TContext">The context, registered with <c>AddDbContext</c> or <c>AddDbContextFactory</c>.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the schedule, e.g. <c>o =&gt; o.RunDailyAt(new TimeOnly(2, 30))</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPrivacyRetention<TContext>(this IServiceCollection services, Action<PrivacyRetentionOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptions<PrivacyRetentionOptions>(typeof(TContext).Name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PrivacyRetentionService<TContext>>());
        return services;
    }
}
