using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// Read-pipeline stage: personal properties read in the final projection go through <see cref="Internal.AccessGuard"/>.
/// Nothing here depends on the scope: the compiled query is cached and serves every scope, so the scope is consulted
/// when the query runs.
/// </summary>
internal sealed class ProjectionGuardStage(AccessRuntime access) : IQueryRewriteStage
{
    public Expression Rewrite(Expression query, QueryExpressionEventData eventData)
    {
        if (eventData.Context is not { } context)
        {
            return query;
        }

        var logged = access.IsLogging && context.Database.IsRelational();
        return new ProjectionGuardRewriter(access, context.Model, logged).RewriteFinalProjection(query);
    }
}
