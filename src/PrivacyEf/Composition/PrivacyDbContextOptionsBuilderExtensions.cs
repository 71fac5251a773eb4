using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Composition;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Turns PrivacyEf on for a DbContext.</summary>
public static class PrivacyDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Enforces PrivacyEf's annotations on this context: encrypted columns, the key table, and the
    /// interceptors of the application registered with <c>AddPrivacy</c> on <paramref name="serviceProvider"/>.
    /// </summary>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="serviceProvider">The application's service provider, on which <c>AddPrivacy</c> was called.</param>
    /// <returns>The options builder, for chaining.</returns>
    public static DbContextOptionsBuilder UsePrivacy(this DbContextOptionsBuilder optionsBuilder, IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var runtime = serviceProvider.GetService<PrivacyRuntime>()
            ?? throw new InvalidOperationException("UsePrivacy needs PrivacyEf's services: call services.AddPrivacy(...) on the service provider passed to UsePrivacy.");

        var existing = optionsBuilder.Options.FindExtension<PrivacyOptionsExtension>();
        if (existing is not null)
        {
            if (ReferenceEquals(existing.Runtime, runtime))
            {
                return optionsBuilder;
            }

            throw new InvalidOperationException("UsePrivacy was already called on these options with another service provider; a context belongs to one application.");
        }

        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new PrivacyOptionsExtension(runtime));
        optionsBuilder.AddInterceptors(runtime.Interceptors);

        // EF builds one internal service provider per application that uses PrivacyEf, on purpose: the
        // model and its converters hold that application's keys. A process that hosts many applications
        // (a test suite, typically) passes EF's limit of twenty, which is then expected, not a leak per context.
        optionsBuilder.ConfigureWarnings(warnings => warnings.Log(CoreEventId.ManyServiceProvidersCreatedWarning));
        return optionsBuilder;
    }

    /// <summary>
    /// Enforces PrivacyEf's annotations on this context; see <see cref="UsePrivacy(DbContextOptionsBuilder, IServiceProvider)"/>.
    /// </summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="serviceProvider">The application's service provider, on which <c>AddPrivacy</c> was called.</param>
    /// <returns>The options builder, for chaining.</returns>
    public static DbContextOptionsBuilder<TContext> UsePrivacy<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, IServiceProvider serviceProvider)
        where TContext : DbContext
    {
        UsePrivacy((DbContextOptionsBuilder)optionsBuilder, serviceProvider);
        return optionsBuilder;
    }
}
