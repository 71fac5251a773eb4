using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access;
using PrivacyEf.Access.Consent;
using PrivacyEf.Composition;
using PrivacyEf.Encryption;
using PrivacyEf.Redaction;

namespace PrivacyEf.Tests.Architecture;

/// <summary>
/// The pipelines run their stages in the order they are declared in, and that order is the one the design needs:
/// nothing is computed from a value (a blind index, a ciphertext) before the scope was allowed to write it, and free
/// text is redacted before anything else sees it.
/// </summary>
public sealed class PipelineOrderTests
{
    [Fact]
    public void Saving_redacts_then_authorizes_then_prepares_keys_and_blind_indexes()
    {
        using var provider = Services();
        var runtime = provider.GetRequiredService<PrivacyRuntime>();
        Assert.Equal(
            [typeof(RedactionSaveStage), typeof(WriteAuthorizationStage), typeof(KeysAndBlindIndexesStage)],
            runtime.WritePipeline.Stages.Select(s => s.GetType()));
    }

    [Fact]
    public void Compiling_a_query_moves_projections_last_then_rewrites_blind_indexes_then_guards_projections_then_filters_by_consent()
    {
        using var provider = Services();
        var runtime = provider.GetRequiredService<PrivacyRuntime>();
        Assert.Equal(
            [typeof(ProjectionNormalizationStage), typeof(BlindIndexRewriteStage), typeof(ProjectionGuardStage), typeof(ConsentFilterStage)],
            runtime.ReadPipeline.Stages.Select(s => s.GetType()));
    }

    [Fact]
    public void Only_the_pipelines_intercept_saves_and_query_compilation()
    {
        // Another SaveChanges or query-expression interceptor would run outside the declared order.
        using var provider = Services();
        var interceptors = provider.GetRequiredService<PrivacyRuntime>().Interceptors;
        Assert.Single(interceptors.OfType<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        Assert.Single(interceptors.OfType<Microsoft.EntityFrameworkCore.Diagnostics.IQueryExpressionInterceptor>());
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPrivacy();
        return services.BuildServiceProvider();
    }
}
