#pragma warning disable EF1001 // Replacing IQueryCompiler is the provider-independent way to set per-execution parameters.
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PrivacyEf.Access;

/// <summary>The EF services the least-privilege part replaces in the internal service provider of a context that uses PrivacyEf.</summary>
internal static class PrivacyAccessServices
{
    public static void Apply(IServiceCollection services) =>

        // Replace, not TryAdd: the provider's extension may have registered EF's compiler already, or may do so later
        // with TryAdd (which then keeps this one).
        services.Replace(ServiceDescriptor.Scoped<IQueryCompiler, PrivacyQueryCompiler>());
}
