#pragma warning disable EF1001 // QueryCompiler is EF's internal API; it is the one place every query execution passes with its QueryContext.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Access.Consent;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// EF's query compiler, with the checks that depend on the scope made on every execution: the executor it compiles
/// (and EF caches, and compiled queries keep) is wrapped so each run reads the access scope and the clock afresh.
/// A run first refuses personal properties the query uses in conditions the scope may not (see
/// <see cref="ConditionUseCollector"/>), records for the access log the personal values a set operator or
/// <c>Min</c>/<c>Max</c> returns past the projection guard, then sets the consent filter's parameters.
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
        if (access is null)
        {
            return executor;
        }

        // Found on the query as its author wrote it: the rewrite stages turn a comparison into a blind-index lookup.
        var found = ConditionUseCollector.Collect(query, model);
        IReadOnlyList<ConditionUse> uses = access.Policy.Options.AllowConditionsOnHiddenValues ? [] : found;
        ConditionUse[] returned = access.IsLogging ? [.. found.Where(u => u.Returned).DistinctBy(u => (u.Entity, u.Property))] : [];
        var returnedKinds = returned.Select(u => KindOf(model, u.Entity)).ToArray();
        var consent = access.Policy.AnyPurposeRequiresConsent;
        var linkMoves = LinkMoves.Find(query, model);
        var rawSqlRoots = RawSqlRoots.Find(query);
        IReadOnlyList<string> consentNavigations = consent ? ConsentNavigations.Find(query, model) : [];
        if (uses.Count == 0 && returned.Length == 0 && !consent && linkMoves.Count == 0 && rawSqlRoots.Count == 0)
        {
            return executor;
        }

        var runtime = access;
        return queryContext =>
        {
            var scope = Privacy.Current;
            ConditionGuard.Demand(runtime.Policy, scope, uses);
            foreach (var raw in rawSqlRoots)
            {
                if (raw.CanBeOwnedBy(scope))
                {
                    throw PrivacyAccessDeniedException.ForRawSqlActingForSelf(raw.EntityName, raw.SubjectLink!.Name, scope!.Purpose, scope.Self!);
                }
            }

            if (consentNavigations.Count > 0 && runtime.Policy.RequiresConsent(scope))
            {
                throw PrivacyAccessDeniedException.ForConsentNavigation(consentNavigations[0], scope!.Purpose);
            }

            foreach (var moved in linkMoves)
            {
                if (moved.CanBeOwnedBy(scope))
                {
                    throw PrivacyAccessDeniedException.ForOtherSubjectsRow(moved.EntityName, moved.SubjectLink!.Name, scope!.Purpose, scope.Self!);
                }
            }

            if (returned.Length > 0)
            {
                // Values a set operator or Min/Max returns pass no projection guard: the run itself is the disclosure.
                var disclosures = runtime.DisclosuresOf(scope);
                for (var i = 0; i < returned.Length; i++)
                {
                    var use = returned[i];
                    disclosures.Record(runtime, use.Entity.ClrType.Name, returnedKinds[i], use.Property.Name, subject: null);
                }
            }

            if (consent)
            {
                var parameters = queryContext.Parameters;
                parameters[ConsentParameters.Required] = runtime.Policy.RequiresConsent(scope);
                parameters[ConsentParameters.Purpose] = scope?.Purpose ?? "";
                parameters[ConsentParameters.Now] = runtime.TimeProvider.GetUtcNow().UtcDateTime;
            }

            return executor(queryContext);
        };
    }

    private static string? KindOf(IModel model, PrivacyEntityMetadata entity) =>
        model.FindEntityType(entity.ClrType) is { } entityType && SubjectKinds.Of(model).TryGetKindName(entityType, out var kind) ? kind : null;
}
