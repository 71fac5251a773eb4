using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access;
using PrivacyEf.Encryption;
using PrivacyEf.Kernel;

namespace PrivacyEf.Composition;

/// <summary>
/// PrivacyEf's EF Core options extension. Its identity is the application's <see cref="PrivacyRuntime"/>:
/// EF builds one internal service provider, and so one model cache, per runtime, which keeps the value
/// converters (and the keys they reach) of two applications in one process apart.
/// </summary>
internal sealed class PrivacyOptionsExtension(PrivacyRuntime runtime) : IDbContextOptionsExtension, IPrivacyKernelSource
{
    // The limit EF Core gives the memory cache it creates for itself.
    private const long EfDefaultMemoryCacheSizeLimit = 10240;

    private ExtensionInfo? info;

    public PrivacyRuntime Runtime { get; } = runtime;

    public PrivacyKernel Kernel => Runtime.Kernel;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        new EntityFrameworkServicesBuilder(services).TryAdd<IConventionSetPlugin, PrivacyConventionSetPlugin>();
        PrivacyAccessServices.Apply(services, Runtime.Access);
        DecorateMemoryCache(services);
    }

    /// <summary>
    /// Puts <see cref="BlindIndexAwareMemoryCache"/> in front of EF's memory cache. An application's own cache
    /// (UseMemoryCache) is registered before this runs and gets wrapped; otherwise EF's default, which the
    /// provider adds only if none is registered, is created here with EF's own size limit.
    /// </summary>
    private void DecorateMemoryCache(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IMemoryCache));
        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.AddSingleton<IMemoryCache>(provider => new BlindIndexAwareMemoryCache(Resolve(existing, provider), Runtime.KeyRing));

        static IMemoryCache Resolve(ServiceDescriptor? descriptor, IServiceProvider provider) => descriptor switch
        {
            null => new MemoryCache(new MemoryCacheOptions { SizeLimit = EfDefaultMemoryCacheSizeLimit }),
            { ImplementationInstance: IMemoryCache instance } => instance,
            { ImplementationFactory: { } factory } => (IMemoryCache)factory(provider),
            _ => (IMemoryCache)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!),
        };
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(PrivacyOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new PrivacyOptionsExtension Extension => (PrivacyOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using PrivacyEf ";

        public override int GetServiceProviderHashCode() => Extension.Runtime.GetHashCode();

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo otherInfo && ReferenceEquals(Extension.Runtime, otherInfo.Extension.Runtime);

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["PrivacyEf:Runtime"] = Extension.Runtime.GetHashCode().ToString(CultureInfo.InvariantCulture);
    }
}
