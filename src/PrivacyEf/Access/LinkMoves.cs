using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace PrivacyEf.Access;

/// <summary>
/// The entities whose data subject link an <c>ExecuteUpdate</c> sets, and those an <c>ExecuteDelete</c> deletes. Acting
/// for itself, a scope that moved another person's rows to itself would then read them as its own, and one that
/// deleted them would change another person's data; SaveChanges proves such writes against the database, a
/// set-based write cannot be proven, so the run is refused to a scope whose own rows these can be.
/// </summary>
internal sealed class LinkMoves : ExpressionVisitor
{
    private readonly IModel model;
    private readonly List<EntityAccessPlan> found = [];
    private IProperty? link;

    private LinkMoves(IModel model)
    {
        this.model = model;
    }

    /// <summary>The plans of the entities whose link <paramref name="query"/> sets, if any.</summary>
    public static IReadOnlyList<EntityAccessPlan> Find(Expression query, IModel model)
    {
        var finder = new LinkMoves(model);
        finder.Visit(query);
        return finder.found;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // A set-based delete in a scope acting for itself cannot be proven to touch only the person's own rows either.
        if (node.Method.Name is nameof(EntityFrameworkQueryableExtensions.ExecuteDelete) or nameof(EntityFrameworkQueryableExtensions.ExecuteDeleteAsync)
            && QueryOperators.IsQueryOperator(node.Method)
            && RootEntityType(node.Arguments[0]) is { } deleted)
        {
            // A derived type may link its rows to a subject where the base type deleted through does not.
            found.AddRange(deleted.GetDerivedTypesInclusive().Select(EntityAccessPlan.For).Where(plan => plan.SubjectLink is not null));
            return base.VisitMethodCall(node);
        }

        if (node.Method.Name is nameof(EntityFrameworkQueryableExtensions.ExecuteUpdate) or nameof(EntityFrameworkQueryableExtensions.ExecuteUpdateAsync)
            && QueryOperators.IsQueryOperator(node.Method)
            && node.Arguments.Count > 1
            && RootEntityType(node.Arguments[0]) is { } root
            && EntityAccessPlan.For(root) is { SubjectLink: { } subjectLink } plan)
        {
            // Any mention of the link in the setters counts: a false alarm refuses a run, a miss would move rows.
            var outer = link;
            link = subjectLink;
            var before = found.Count;
            for (var i = 1; i < node.Arguments.Count; i++)
            {
                Visit(node.Arguments[i]);
            }

            link = outer;
            if (found.Count > before)
            {
                found.RemoveRange(before, found.Count - before);
                found.Add(plan);
            }

            Visit(node.Arguments[0]);
            return node;
        }

        if (link is not null && node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == QueryOperators.PropertyMethod
            && node.Arguments[1] is ConstantExpression { Value: string name } && name == link.Name)
        {
            found.Add(EntityAccessPlan.For(link.DeclaringType.ContainingEntityType));
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (link is not null && node.Member is PropertyInfo { Name: var name } && name == link.Name
            && node.Expression is { } instance && model.FindEntityType(instance.Type) is { } entityType
            && entityType.FindProperty(name) == link)
        {
            found.Add(EntityAccessPlan.For(entityType));
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        // Setters may travel as a constant list of (selector, value) pairs.
        if (link is not null && node.Value is System.Collections.IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                if (item is System.Runtime.CompilerServices.ITuple tuple)
                {
                    for (var i = 0; i < tuple.Length; i++)
                    {
                        if (tuple[i] is Expression expression)
                        {
                            Visit(expression);
                        }
                    }
                }
            }
        }

        return base.VisitConstant(node);
    }

    private static IEntityType? RootEntityType(Expression source)
    {
        while (source is MethodCallExpression { Arguments.Count: > 0 } call)
        {
            source = call.Arguments[0];
        }

        return source is EntityQueryRootExpression root ? root.EntityType : null;
    }
}
