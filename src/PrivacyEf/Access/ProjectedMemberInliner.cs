using System.Linq.Expressions;

namespace PrivacyEf.Access;

/// <summary>
/// Replaces, in a lambda body, the parameter that stands for a projected object by the projection itself: a member
/// read <c>x.Iban</c> of <c>new { p.Id, p.Iban }</c> becomes <c>p.Iban</c>. Fails (null) when the parameter is used
/// otherwise, or when the projection does not say which member holds what.
/// </summary>
internal sealed class ProjectedMemberInliner : ExpressionVisitor
{
    private readonly ParameterExpression parameter;
    private readonly Expression projection;
    private readonly Dictionary<string, Expression>? members;
    private bool failed;

    private ProjectedMemberInliner(ParameterExpression parameter, Expression projection)
    {
        this.parameter = parameter;
        this.projection = projection;
        members = MembersOf(projection);
    }

    /// <summary><paramref name="body"/> with <paramref name="parameter"/> replaced by <paramref name="projection"/>, or null.</summary>
    public static Expression? Inline(Expression body, ParameterExpression parameter, Expression projection)
    {
        var inliner = new ProjectedMemberInliner(parameter, projection);
        var inlined = inliner.Visit(body);
        return inliner.failed ? null : inlined;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression == parameter && members is not null)
        {
            if (members.TryGetValue(node.Member.Name, out var value))
            {
                return value.Type == node.Type ? value : Expression.Convert(value, node.Type);
            }

            failed = true;
            return node;
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (node != parameter)
        {
            return node;
        }

        // The projected object itself: only a plain value (not a constructed one) can stand in for it.
        if (members is not null || projection is NewExpression or MemberInitExpression)
        {
            failed = true;
            return node;
        }

        return projection;
    }

    private static Dictionary<string, Expression>? MembersOf(Expression projection)
    {
        switch (projection)
        {
            case NewExpression { Members: { } members } created:
                var byName = new Dictionary<string, Expression>(StringComparer.Ordinal);
                for (var i = 0; i < members.Count; i++)
                {
                    byName[QueryOperators.ProjectedMemberName(members[i])] = created.Arguments[i];
                }

                return byName;
            case MemberInitExpression { NewExpression.Arguments.Count: 0 } initialized when initialized.Bindings.All(b => b is MemberAssignment):
                return initialized.Bindings.Cast<MemberAssignment>().ToDictionary(b => b.Member.Name, b => b.Expression, StringComparer.Ordinal);
            default:
                return null;
        }
    }
}
