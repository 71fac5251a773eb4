using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Model.Fluent;

namespace PrivacyEf.Tests.Fluent;

/// <summary>Builds the model of one <c>OnModelCreating</c> with PrivacyEf, without a database: a model per configuration, not per context type.</summary>
internal static class FluentModels
{
    private static readonly Lazy<ServiceProvider> Services = new(() =>
    {
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPrivacy(_ => { });
        return services.BuildServiceProvider();
    });

    public static IModel Build(Action<ModelBuilder> configure)
    {
        using var context = new ConfigurableDbContext(Options(), configure);
        return context.Model;
    }

    /// <summary>The model migrations see (and write their snapshot from), not the runtime model queries use.</summary>
    public static IModel BuildDesignTime(Action<ModelBuilder> configure)
    {
        using var context = new ConfigurableDbContext(Options(), configure);
        return context.GetService<IDesignTimeModel>().Model;
    }

    private static DbContextOptions<ConfigurableDbContext> Options() =>
        new DbContextOptionsBuilder<ConfigurableDbContext>()
            .UseSqlite("Data Source=:memory:")
            .UsePrivacy(Services.Value)
            .ReplaceService<IModelCacheKeyFactory, PerConfigurationModelCacheKeyFactory>()
            .Options;

    /// <summary>The message of the error building the model gives.</summary>
    public static string Refusal(Action<ModelBuilder> configure) =>
        Assert.Throws<InvalidOperationException>(() => Build(configure)).Message;

    private sealed class PerConfigurationModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (((ConfigurableDbContext)context).Configure, designTime);
    }
}
