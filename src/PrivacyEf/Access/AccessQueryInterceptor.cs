using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Access.Consent;

namespace PrivacyEf.Access;

/// <summary>
/// Rewrites each query once, when EF compiles it: personal properties read in the final projection go through
/// <see cref="AccessGuard"/>, and, when some purpose requires consent, every root of an entity with a data subject
/// gets the consent filter. Nothing here depends on the scope: the compiled query is cached and serves every scope,
/// so the scope is consulted when the query runs.
/// </summary>
internal sealed class AccessQueryInterceptor(AccessRuntime access) : IQueryExpressionInterceptor
{
    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is not { } context)
        {
            return queryExpression;
        }

        var model = context.Model;
        var logged = access.IsLogging && context.Database.IsRelational();
        var rewritten = new ProjectionGuardRewriter(access, model, logged).RewriteFinalProjection(queryExpression);
        if (access.Policy.AnyPurposeRequiresConsent && model.FindEntityType(typeof(PrivacyConsent)) is { } consentType)
        {
            rewritten = new ConsentRootVisitor(consentType).Visit(rewritten);
        }

        return rewritten;
    }

    private sealed class ConsentRootVisitor(IEntityType consentType) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root
                && EntityAccessPlan.For(root.EntityType) is { SubjectProperty: { PropertyInfo: not null } subject })
            {
                return ConsentFilter.Apply(root, subject, consentType);
            }

            return base.VisitExtension(node);
        }
    }
}
