#pragma warning disable EF1001 // QueryCompiler and EF's two materializer sources are internal API; see each use.
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PrivacyEf.Access;

/// <summary>The EF services the least-privilege part replaces in the internal service provider of a context that uses PrivacyEf.</summary>
internal static class PrivacyAccessServices
{
    /// <param name="services">The internal service provider's services, built for one PrivacyEf runtime only.</param>
    /// <param name="access">That runtime's access part, which the materializers' guards use.</param>
    public static void Apply(IServiceCollection services, AccessRuntime access)
    {
        // Replacing IQueryCompiler is the provider-independent way to set per-execution parameters. Replace, not
        // TryAdd: the provider's extension may have registered EF's compiler already, or may do so later with TryAdd
        // (which then keeps this one).
        services.Replace(ServiceDescriptor.Scoped<IQueryCompiler, PrivacyQueryCompiler>());
        DecorateMaterializerSource(services, access);
    }

    /// <summary>
    /// Puts <see cref="GuardedMaterializerSource"/> in front of the provider's materializer source. A provider applied
    /// before PrivacyEf has registered its own, which gets wrapped; otherwise the provider's TryAdd comes later and keeps
    /// this one, which then creates the source EF would have (relational providers read complex types their own way).
    /// </summary>
    private static void DecorateMaterializerSource(IServiceCollection services, AccessRuntime access)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IStructuralTypeMaterializerSource));
        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.AddSingleton<IStructuralTypeMaterializerSource>(provider =>
        {
            var relational = provider.GetService<IRelationalTypeMappingSource>() is not null;
            return new GuardedMaterializerSource(Resolve(existing, provider, relational), access, relational);
        });

        static IStructuralTypeMaterializerSource Resolve(ServiceDescriptor? descriptor, IServiceProvider provider, bool relational) => descriptor switch
        {
            { ImplementationInstance: IStructuralTypeMaterializerSource instance } => instance,
            { ImplementationFactory: { } factory } => (IStructuralTypeMaterializerSource)factory(provider),
            { ImplementationType: { } type } => (IStructuralTypeMaterializerSource)ActivatorUtilities.CreateInstance(provider, type),
            _ when relational => new RelationalStructuralTypeMaterializerSource(provider.GetRequiredService<StructuralTypeMaterializerSourceDependencies>()),
            _ => new StructuralTypeMaterializerSource(provider.GetRequiredService<StructuralTypeMaterializerSourceDependencies>()),
        };
    }
}
