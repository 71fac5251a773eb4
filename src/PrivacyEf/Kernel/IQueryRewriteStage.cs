using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Kernel;

/// <summary>
/// One step of the read pipeline, which rewrites a LINQ query once, when EF compiles it. Stages live in their
/// capability's folder; the composition root declares their order in one list.
/// </summary>
internal interface IQueryRewriteStage
{
    /// <summary>Rewrites the query.</summary>
    /// <param name="query">The query as the previous stage left it.</param>
    /// <param name="eventData">EF's data about the compilation (the context among it).</param>
    /// <returns>The rewritten query.</returns>
    Expression Rewrite(Expression query, QueryExpressionEventData eventData);
}
