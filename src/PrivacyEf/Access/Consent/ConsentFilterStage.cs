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

        return new ConsentRootVisitor(consentType, SubjectKinds.Of(context.Model)).Visit(query);
    }

    private sealed class ConsentRootVisitor(IEntityType consentType, SubjectKinds kinds) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            // The link may be a shadow foreign key (a [DataSubject] navigation): filtered too, through EF.Property.
            if (node is EntityQueryRootExpression root && EntityAccessPlan.For(root.EntityType).Metadata?.DataSubjectProperty is { } link)
            {
                // An ambiguous link (null kind) matches no consent, and an unmapped one gets none: such rows never
                // flow under a consent-bound purpose.
                return kinds.TryGetKindName(root.EntityType, out var kind) && SubjectRows.LinkOf(root.EntityType, link) is { } subject
                    ? ConsentFilter.Apply(root, subject, kind, consentType)
                    : ConsentFilter.ApplyUnlinked(root);
            }

            return base.VisitExtension(node);
        }
    }
}
