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
/// does every operator other than paging over a sequence of personal values (<c>Select(c =&gt; c.City).Distinct()</c>)
/// or of projected objects that carry them (<c>Select(c =&gt; new { c.City }).Distinct()</c>), and every personal value
/// computed in a projection that is not the one the query returns (the projection guard reads only that one).
/// </summary>
internal sealed class ConditionUseCollector : ExpressionVisitor
{
    private readonly List<ConditionUse> uses = [];
    private readonly ProjectedPersonalMembers carried;
    private readonly MethodCallExpression? finalProjection;
    private readonly IModel model;
    private string? usingOperator;
    private bool inOutput;

    private ConditionUseCollector(ProjectedPersonalMembers carried, MethodCallExpression? finalProjection, IModel model)
    {
        this.carried = carried;
        this.model = model;
        this.finalProjection = finalProjection;
    }

    /// <summary>Every use of a personal property in <paramref name="query"/> that the projection guard does not cover.</summary>
    /// <param name="query">The query as its author wrote it, before any rewrite.</param>
    /// <param name="model">The model, for the metadata and the nullability of the members read.</param>
    /// <returns>The uses, each property and operator once.</returns>
    public static IReadOnlyList<ConditionUse> Collect(Expression query, IModel model)
    {
        // Analysed in the form the guard will see: normalized, so a Where after a Select is no longer in the way.
        query = ProjectionNormalizer.Normalize(query);
        var collector = new ConditionUseCollector(ProjectedPersonalMembers.Collect(query, model), FinalProjectionOf(query), model);
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
        if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == QueryOperators.PropertyMethod)
        {
            if (usingOperator is not null && node.Arguments[1] is ConstantExpression { Value: string propertyName } && Personal(node.Arguments[0].Type, propertyName) is { } source)
            {
                uses.Add(new ConditionUse(source.Entity, source.Property, usingOperator));
            }

            return base.VisitMethodCall(node);
        }

        if (QueryOperators.IsDatabaseTest(node) && !QueryOperators.IsQueryOperator(node.Method))
        {
            // list.Contains(c.City), EF.Functions.Like(c.Name, ...): computed in SQL on the real value, wherever it stands.
            var outer = usingOperator;
            usingOperator ??= node.Method.Name;
            base.VisitMethodCall(node);
            usingOperator = outer;
            return node;
        }

        if (!QueryOperators.IsQueryOperator(node.Method) || node.Arguments.Count == 0)
        {
            return base.VisitMethodCall(node);
        }

        var name = node.Method.Name;
        if (!QueryOperators.KeepsValues(node))
        {
            foreach (var source in node.Arguments.Where(a => a is not UnaryExpression { NodeType: ExpressionType.Quote } && a is not LambdaExpression))
            {
                // A later Select reads carried members through the guard; any other operator works on them in SQL.
                foreach (var values in PersonalValuesOf(source, includeCarried: name != nameof(Queryable.Select)))
                {
                    uses.Add(new ConditionUse(values.Entity, values.Property, name, QueryOperators.ReturnsValues(node)));
                }
            }
        }

        var selector = ReferenceEquals(node, finalProjection) ? QueryOperators.FinalSelector(node) : null;
        for (var i = 0; i < node.Arguments.Count; i++)
        {
            var argument = node.Arguments[i];
            if (QueryOperators.StripQuote(argument) is not LambdaExpression lambda)
            {
                // The source keeps the context; any other argument (a second sequence, a value to look for) is
                // computed in SQL, where the projection guard does not reach.
                var (sourceOperator, sourceOutput) = (usingOperator, inOutput);
                if (i > 0)
                {
                    usingOperator ??= name;
                    inOutput = false;
                }

                Visit(argument);
                (usingOperator, inOutput) = (sourceOperator, sourceOutput);
                continue;
            }

            var (outerOperator, outerOutput) = (usingOperator, inOutput);
            if (usingOperator is null && (ReferenceEquals(lambda, selector) || (inOutput && name == nameof(Enumerable.Select) && lambda.Parameters.Count == 1)))
            {
                // What the query returns: the projection guard masks it per scope, and records it.
                inOutput = true;
            }
            else if (usingOperator is null && name == nameof(Queryable.Select) && lambda.Parameters.Count == 1 && !inOutput)
            {
                // A projection the query does not return: what it carries along is followed by the rules above, but a
                // value it computes from a personal property is computed in SQL, past the guard.
                VisitCarried(lambda.Body, name);
                continue;
            }
            else
            {
                // Any other lambda is a condition, a key, or a shape the guard does not reach.
                usingOperator ??= name;
                inOutput = false;
                if (name == nameof(Queryable.SelectMany) && node.Arguments.Count == 2)
                {
                    // SelectMany(p => p.Orders.Select(o => o.CardNumber)) without a result selector returns the
                    // collection's values themselves.
                    foreach (var values in PersonalValuesOf(lambda.Body, includeCarried: true))
                    {
                        uses.Add(new ConditionUse(values.Entity, values.Property, name, Returned: true));
                    }
                }
            }

            Visit(lambda.Body);
            (usingOperator, inOutput) = (outerOperator, outerOutput);
        }

        return node;
    }

    /// <summary>A projection's body, whose direct reads of personal members are carried and whose other uses count.</summary>
    private void VisitCarried(Expression body, string operatorName)
    {
        var outer = usingOperator;
        IEnumerable<Expression> parts = QueryOperators.StripConvert(body) switch
        {
            NewExpression created => created.Arguments,
            MemberInitExpression initialized when initialized.Bindings.All(b => b is MemberAssignment) =>
                [initialized.NewExpression, .. initialized.Bindings.Cast<MemberAssignment>().Select(b => b.Expression)],
            var whole => [whole],
        };
        foreach (var part in parts)
        {
            var read = QueryOperators.StripConvert(part);
            if (read is MemberExpression { Expression: { } instance } && (PersonalRead(read) is not null || instance is ParameterExpression))
            {
                // Carried as it is (or an entity or navigation, which the materialization guard masks).
                Visit(instance);
                continue;
            }

            usingOperator = operatorName;
            Visit(part);
            usingOperator = outer;
        }
    }

    /// <summary>The operator whose selector the projection guard rewrites, found as it finds it.</summary>
    private static MethodCallExpression? FinalProjectionOf(Expression query)
    {
        while (query is MethodCallExpression { Arguments.Count: > 0 } call && QueryOperators.IsQueryOperator(call.Method))
        {
            if (QueryOperators.FinalSelector(call) is not null)
            {
                return call;
            }

            if (!QueryOperators.PassThrough.Contains(call.Method.Name))
            {
                return null;
            }

            query = call.Arguments[0];
        }

        return null;
    }

    /// <summary>
    /// The personal properties whose values a sequence holds, as in <c>Select(c =&gt; c.City)</c> under paging, and
    /// with <paramref name="includeCarried"/> those its projected objects carry, as in <c>Select(c =&gt; new { c.City })</c>.
    /// </summary>
    private List<ProjectedPersonalMembers.Source> PersonalValuesOf(Expression sequence, bool includeCarried)
    {
        while (sequence is MethodCallExpression { Arguments.Count: > 0 } call && QueryOperators.IsQueryOperator(call.Method))
        {
            if (QueryOperators.ValueSelector(call) is { } selector)
            {
                return QueryOperators.StripConvert(selector.Body) switch
                {
                    NewExpression created when includeCarried => [.. created.Arguments.Select(PersonalRead).OfType<ProjectedPersonalMembers.Source>()],
                    MemberInitExpression initialized when includeCarried =>
                        [.. initialized.Bindings.OfType<MemberAssignment>().Select(b => PersonalRead(b.Expression)).OfType<ProjectedPersonalMembers.Source>()],
                    var body when PersonalRead(body) is { } read => [read],
                    _ => [],
                };
            }

            if (!QueryOperators.PassThrough.Contains(call.Method.Name))
            {
                return [];
            }

            sequence = call.Arguments[0];
        }

        return [];
    }

    /// <summary>The personal property an expression reads as it is, if any.</summary>
    private ProjectedPersonalMembers.Source? PersonalRead(Expression expression) =>
        QueryOperators.StripConvert(expression) switch
        {
            MemberExpression { Expression: { } instance, Member: PropertyInfo member } => Personal(instance.Type, member.Name),
            MethodCallExpression { Method.IsGenericMethod: true, Arguments: [var instance, ConstantExpression { Value: string name }] } property
                when property.Method.GetGenericMethodDefinition() == QueryOperators.PropertyMethod => Personal(instance.Type, name),
            _ => null,
        };

    private ProjectedPersonalMembers.Source? Personal(Type type, string member) =>
        PrivacyMetadata.Find(model, type, member) is { } entity && entity.FindProperty(member) is { } property
            ? new ProjectedPersonalMembers.Source(entity, property, true)
            : carried.Find(type, member);
}
