using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Access;

/// <summary>
/// Finds the personal properties a query uses outside what the projection guard masks. A reader who may not see a
/// value must not filter, sort, group, join, aggregate or compare by it either: <c>Count(c =&gt; c.City == "x")</c>
/// answers a question about a value the mask hides, one question at a time (the weakness of SQL Server's dynamic
/// data masking). Deny by default: every lambda of an operator other than <c>Select</c> counts as such a use, and so
/// does every operator other than paging over a sequence of personal values (<c>Select(c =&gt; c.City).Distinct()</c>).
/// </summary>
internal sealed class ConditionUseCollector : ExpressionVisitor
{
    // Over a sequence of personal values these reveal only how many rows there are, never a value.
    private static readonly HashSet<string> CountingOperators =
    [
        nameof(Queryable.Count), nameof(Queryable.LongCount), nameof(Queryable.Any),
    ];

    // A nested collection in a projection: its values were guarded by the Select that made them.
    private static readonly HashSet<string> MaterializingOperators =
    [
        nameof(Enumerable.ToList), nameof(Enumerable.ToArray), nameof(Enumerable.AsEnumerable), nameof(Queryable.AsQueryable),
    ];

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private readonly List<ConditionUse> uses = [];
    private readonly ProjectedPersonalMembers carried;
    private string? usingOperator;

    private ConditionUseCollector(ProjectedPersonalMembers carried)
    {
        this.carried = carried;
    }

    /// <summary>Every use of a personal property in <paramref name="query"/> that the projection guard does not cover.</summary>
    /// <param name="query">The query as its author wrote it, before any rewrite.</param>
    /// <param name="model">The model, for the nullability of projected members.</param>
    /// <returns>The uses, each property and operator once.</returns>
    public static IReadOnlyList<ConditionUse> Collect(Expression query, IModel model)
    {
        var collector = new ConditionUseCollector(ProjectedPersonalMembers.Collect(query, model));
        collector.Visit(query);
        return collector.uses.Distinct().ToArray();
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (usingOperator is not null && node is { Expression: { } instance, Member: PropertyInfo } && Personal(instance.Type, node.Member.Name) is { } source)
        {
            uses.Add(new ConditionUse(source.Entity, source.Property, usingOperator));
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == PropertyMethod)
        {
            if (usingOperator is not null && node.Arguments[1] is ConstantExpression { Value: string propertyName } && Personal(node.Arguments[0].Type, propertyName) is { } source)
            {
                uses.Add(new ConditionUse(source.Entity, source.Property, usingOperator));
            }

            return base.VisitMethodCall(node);
        }

        if (!QueryOperators.IsQueryOperator(node.Method) || node.Arguments.Count == 0)
        {
            return base.VisitMethodCall(node);
        }

        var name = node.Method.Name;
        if (!QueryOperators.PassThrough.Contains(name)
            && !MaterializingOperators.Contains(name)
            && !(CountingOperators.Contains(name) && node.Arguments.Count == 1))
        {
            foreach (var source in node.Arguments.Where(a => a is not UnaryExpression { NodeType: ExpressionType.Quote } && a is not LambdaExpression))
            {
                if (PersonalValuesOf(source) is { } values)
                {
                    uses.Add(new ConditionUse(values.Entity, values.Property, name));
                }
            }
        }

        foreach (var argument in node.Arguments)
        {
            if (QueryOperators.StripQuote(argument) is LambdaExpression lambda)
            {
                // A selector's result goes through the projection guard; any other lambda is a condition, a key, or a
                // shape the guard does not reach, which a reader may only use on values it may see.
                var isSelector = name == nameof(Queryable.Select) && lambda.Parameters.Count == 1;
                var outer = usingOperator;
                usingOperator = isSelector ? usingOperator : outer ?? name;
                Visit(lambda.Body);
                usingOperator = outer;
            }
            else
            {
                Visit(argument);
            }
        }

        return node;
    }

    /// <summary>The personal property whose values a sequence holds, as in <c>Select(c =&gt; c.City)</c> under paging.</summary>
    private ProjectedPersonalMembers.Source? PersonalValuesOf(Expression sequence)
    {
        while (sequence is MethodCallExpression { Arguments.Count: > 0 } call && QueryOperators.IsQueryOperator(call.Method))
        {
            if (call.Method.Name == nameof(Queryable.Select)
                && QueryOperators.StripQuote(call.Arguments[^1]) is LambdaExpression { Parameters.Count: 1 } selector)
            {
                return QueryOperators.StripConvert(selector.Body) switch
                {
                    MemberExpression { Expression: { } instance, Member: PropertyInfo member } => Personal(instance.Type, member.Name),
                    MethodCallExpression { Method.IsGenericMethod: true, Arguments: [var instance, ConstantExpression { Value: string name }] } property
                        when property.Method.GetGenericMethodDefinition() == PropertyMethod => Personal(instance.Type, name),
                    _ => null,
                };
            }

            if (!QueryOperators.PassThrough.Contains(call.Method.Name))
            {
                return null;
            }

            sequence = call.Arguments[0];
        }

        return null;
    }

    private ProjectedPersonalMembers.Source? Personal(Type type, string member) =>
        PrivacyRegistry.Find(type) is { } entity && entity.FindProperty(member) is { } property
            ? new ProjectedPersonalMembers.Source(entity, property, true)
            : carried.Find(type, member);
}
