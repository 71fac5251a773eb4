using System.Linq.Expressions;

namespace PrivacyEf.Access;

/// <summary>
/// Moves a query's projection to the end of its chain, where the projection guard reads it: <c>Where</c>, <c>OrderBy</c>
/// and <c>ThenBy</c> after a <c>Select</c> are applied before it instead, and two <c>Select</c>s become one. Without
/// this, <c>Select(p =&gt; new { p.Id, p.Iban }).Where(x =&gt; x.Id == 1)</c> ends in a <c>Where</c> and its projection,
/// which is not the last operator, would return the real IBAN. Both moves keep the query's meaning; a lambda that
/// uses the projected object other than through its members is left as it is (and the guards refuse what they cannot
/// then prove safe).
/// </summary>
internal sealed class ProjectionNormalizer : ExpressionVisitor
{
    private static readonly HashSet<string> Filters = [nameof(Queryable.Where)];

    private static readonly HashSet<string> Orderings =
    [
        nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending),
    ];

    private ProjectionNormalizer()
    {
    }

    /// <summary>The query with its top-level projections moved last where that keeps its meaning.</summary>
    public static Expression Normalize(Expression query) => new ProjectionNormalizer().Visit(query);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Queryable) || node.Arguments.Count != 2 || !node.Method.IsGenericMethod)
        {
            return base.VisitMethodCall(node);
        }

        var name = node.Method.Name;
        if (Filters.Contains(name) || Orderings.Contains(name))
        {
            return TryMoveBelowProjection(node, out var moved, out var selector)
                ? Visit(Project(moved, selector))
                : VisitWithoutMoving(node);
        }

        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        if (name == nameof(Queryable.Select)
            && Selector(visited) is { } outer
            && visited.Arguments[0] is MethodCallExpression { Method.Name: nameof(Queryable.Select) } inner
            && inner.Method.DeclaringType == typeof(Queryable)
            && Selector(inner) is { } first
            && Inline(outer, first) is { } combined)
        {
            return Project(inner.Arguments[0], combined);
        }

        return visited;
    }

    /// <summary>
    /// An operator that stays where it is. A <c>ThenBy</c> keeps the ordering beneath it in place too, since it needs
    /// an ordered source, not a projection.
    /// </summary>
    private MethodCallExpression VisitWithoutMoving(MethodCallExpression node)
    {
        var source = node.Method.Name is nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending)
            && node.Arguments[0] is MethodCallExpression ordered
            && Orderings.Contains(ordered.Method.Name)
            && ordered.Method.DeclaringType == typeof(Queryable)
            && ordered.Arguments.Count == 2
                ? VisitWithoutMoving(ordered)
                : Visit(node.Arguments[0]);
        return node.Update(null, [source, Visit(node.Arguments[1])]);
    }

    /// <summary>
    /// For <c>Op(Select(s, σ), λ)</c> (or a chain of orderings over such a Select), gives <c>Op(s, λ∘σ)</c> and σ.
    /// </summary>
    private bool TryMoveBelowProjection(MethodCallExpression call, out Expression moved, out LambdaExpression selector)
    {
        moved = call;
        selector = null!;
        if (QueryOperators.StripQuote(call.Arguments[1]) is not LambdaExpression { Parameters.Count: 1 } lambda)
        {
            return false;
        }

        Expression source;
        var isThenBy = call.Method.Name is nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending);
        if (isThenBy && call.Arguments[0] is MethodCallExpression ordered && Orderings.Contains(ordered.Method.Name) && ordered.Method.DeclaringType == typeof(Queryable))
        {
            if (!TryMoveBelowProjection(ordered, out source, out selector))
            {
                return false;
            }
        }
        else if (!isThenBy
            && Visit(call.Arguments[0]) is MethodCallExpression { Method.Name: nameof(Queryable.Select) } select
            && select.Method.DeclaringType == typeof(Queryable)
            && Selector(select) is { } projection)
        {
            source = select.Arguments[0];
            selector = projection;
        }
        else
        {
            return false;
        }

        if (Inline(lambda, selector) is not { } composed)
        {
            return false;
        }

        var arguments = call.Method.GetGenericArguments();
        arguments[0] = selector.Parameters[0].Type;
        moved = Expression.Call(call.Method.GetGenericMethodDefinition().MakeGenericMethod(arguments), source, Expression.Quote(composed));
        return true;
    }

    private static MethodCallExpression Project(Expression source, LambdaExpression selector) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Select), [selector.Parameters[0].Type, selector.ReturnType], source, Expression.Quote(selector));

    private static LambdaExpression? Selector(MethodCallExpression select) =>
        select.Arguments.Count == 2 && QueryOperators.StripQuote(select.Arguments[1]) is LambdaExpression { Parameters.Count: 1 } selector ? selector : null;

    /// <summary><paramref name="outer"/> applied to what <paramref name="inner"/> projects, as a lambda over inner's parameter.</summary>
    private static LambdaExpression? Inline(LambdaExpression outer, LambdaExpression inner)
    {
        var body = ProjectedMemberInliner.Inline(outer.Body, outer.Parameters[0], inner.Body);
        return body is null ? null : Expression.Lambda(body, inner.Parameters);
    }
}
