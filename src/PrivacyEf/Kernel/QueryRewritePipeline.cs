using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Kernel;

/// <summary>The one query-expression interceptor: runs the read pipeline's stages in their declared order.</summary>
internal sealed class QueryRewritePipeline(IReadOnlyList<IQueryRewriteStage> stages) : IQueryExpressionInterceptor
{
    public IReadOnlyList<IQueryRewriteStage> Stages { get; } = stages;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var query = queryExpression;
        foreach (var stage in Stages)
        {
            query = stage.Rewrite(query, eventData);
        }

        return query;
    }
}
