using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// Read-pipeline stage, first of all: moves each top-level projection to the end of its chain
/// (<see cref="ProjectionNormalizer"/>), so the blind-index rewrite sees <c>Email == x</c> on the entity and the
/// projection guard finds the projection the query returns.
/// </summary>
internal sealed class ProjectionNormalizationStage : IQueryRewriteStage
{
    public Expression Rewrite(Expression query, QueryExpressionEventData eventData) => ProjectionNormalizer.Normalize(query);
}
