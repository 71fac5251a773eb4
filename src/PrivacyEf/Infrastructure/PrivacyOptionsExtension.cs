using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access;
using PrivacyEf.Modeling;

namespace PrivacyEf.Infrastructure;

/// <summary>
/// PrivacyEf's EF Core options extension. Its identity is the application's <see cref="PrivacyRuntime"/>:
/// EF builds one internal service provider, and so one model cache, per runtime, which keeps the value
/// converters (and the keys they reach) of two applications in one process apart.
/// </summary>
internal sealed class PrivacyOptionsExtension(PrivacyRuntime runtime) : IDbContextOptionsExtension
{
    private ExtensionInfo? info;

    public PrivacyRuntime Runtime { get; } = runtime;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        new EntityFrameworkServicesBuilder(services).TryAdd<IConventionSetPlugin, PrivacyConventionSetPlugin>();
        PrivacyAccessServices.Apply(services);
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
