#pragma warning disable EF1001 // QueryCompiler is EF's internal API; it is the one place every query execution passes with its QueryContext.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Consent;

/// <summary>
/// EF's query compiler, with the consent filter's parameters set on every execution: the executor it compiles (and
/// EF caches, and compiled queries keep) is wrapped so each run reads the access scope and the clock afresh.
/// </summary>
internal sealed class PrivacyQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model,
    IDbContextOptions options)
    : QueryCompiler(queryContextFactory, compiledQueryCache, compiledQueryCacheKeyGenerator, database, logger, currentContext, evaluatableExpressionFilter, model)
{
    private readonly AccessRuntime? access = PrivacyKernel.Find(options)?.Get<AccessRuntime>();

    public override Func<QueryContext, TResult> CompileQueryCore<TResult>(IDatabase database, System.Linq.Expressions.Expression query, IModel model, bool async)
    {
        var executor = base.CompileQueryCore<TResult>(database, query, model, async);
        if (access is null || !access.Policy.AnyPurposeRequiresConsent)
        {
            return executor;
        }

        var runtime = access;
        return queryContext =>
        {
            var scope = Privacy.Current;
            var parameters = queryContext.Parameters;
            parameters[ConsentParameters.Required] = runtime.Policy.RequiresConsent(scope);
            parameters[ConsentParameters.Purpose] = scope?.Purpose ?? "";
            parameters[ConsentParameters.Now] = runtime.TimeProvider.GetUtcNow().UtcDateTime;
            return executor(queryContext);
        };
    }
}
