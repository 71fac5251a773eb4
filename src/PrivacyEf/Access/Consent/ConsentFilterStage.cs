using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Consent;

/// <summary>
/// Read-pipeline stage: when some purpose requires consent, every root of an entity with a data subject gets the
/// consent filter (an <c>EXISTS</c> over the consent table that only scopes of such a purpose switch on).
/// </summary>
internal sealed class ConsentFilterStage(AccessRuntime access) : IQueryRewriteStage
{
    public Expression Rewrite(Expression query, QueryExpressionEventData eventData)
    {
        if (eventData.Context is not { } context
            || !access.Policy.AnyPurposeRequiresConsent
            || context.Model.FindEntityType(typeof(PrivacyConsent)) is not { } consentType)
        {
            return query;
        }

        return new ConsentRootVisitor(consentType).Visit(query);
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
