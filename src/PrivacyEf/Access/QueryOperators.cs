using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Access;

/// <summary>What the read guards need to know about LINQ and EF query operators.</summary>
internal static class QueryOperators
{
    /// <summary>Operators that keep the shape and values of their source: a projection under them is still the final one.</summary>
    public static readonly IReadOnlySet<string> PassThrough = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Queryable.First), nameof(Queryable.FirstOrDefault), nameof(Queryable.Single), nameof(Queryable.SingleOrDefault),
        nameof(Queryable.Last), nameof(Queryable.LastOrDefault), nameof(Queryable.ElementAt), nameof(Queryable.ElementAtOrDefault),
        nameof(Queryable.Take), nameof(Queryable.Skip),
        nameof(EntityFrameworkQueryableExtensions.AsNoTracking), nameof(EntityFrameworkQueryableExtensions.AsNoTrackingWithIdentityResolution),
        nameof(EntityFrameworkQueryableExtensions.AsTracking), nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters),
        nameof(EntityFrameworkQueryableExtensions.IgnoreAutoIncludes), nameof(EntityFrameworkQueryableExtensions.TagWith),
        nameof(EntityFrameworkQueryableExtensions.TagWithCallSite), "AsSplitQuery", "AsSingleQuery",
    };

    /// <summary>Operators over values that answer a question about them (a count, a truth, a sum) without returning any.</summary>
    public static readonly IReadOnlySet<string> AnswersOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Queryable.Count), nameof(Queryable.LongCount), nameof(Queryable.Any), nameof(Queryable.All), nameof(Queryable.Contains),
        nameof(Queryable.Sum), nameof(Queryable.Average), nameof(Queryable.SequenceEqual),
    };

    /// <summary>
    /// Whether <paramref name="call"/>, applied to a sequence of personal values, returns some of them: <c>Distinct</c>,
    /// <c>Union</c>, <c>Concat</c>, <c>Min</c>, <c>Max</c>, <c>Reverse</c>, ... A <c>Select</c> over them is read by the
    /// projection guard, and a count, a truth or a sum returns no value.
    /// </summary>
    public static bool ReturnsValues(MethodCallExpression call) =>
        IsQueryOperator(call.Method) && !AnswersOnly.Contains(call.Method.Name) && !(call.Method.Name is nameof(Queryable.Select) or nameof(Queryable.Where) or nameof(Queryable.OrderBy)
            or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) or nameof(Queryable.GroupBy) or nameof(Queryable.Join)
            or nameof(Queryable.GroupJoin) or nameof(Queryable.SelectMany) or nameof(Queryable.Except));

    /// <summary>The generic definition of <see cref="EF.Property{TProperty}"/>, which reads a property by name in a query.</summary>
    public static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    /// <summary>Whether <paramref name="method"/> is a LINQ or EF query operator.</summary>
    public static bool IsQueryOperator(MethodInfo method) =>
        method.DeclaringType == typeof(Queryable)
        || method.DeclaringType == typeof(Enumerable)
        || method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
        || method.DeclaringType?.Name == "RelationalQueryableExtensions";

    /// <summary>The lambda of a quoted argument, or the argument itself.</summary>
    public static Expression StripQuote(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;

    /// <summary>The expression without the conversions around it.</summary>
    public static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    /// <summary>The name of a member a <see cref="NewExpression"/> fills (anonymous types name it by its getter).</summary>
    public static string ProjectedMemberName(MemberInfo member) =>
        member is MethodInfo { Name: ['g', 'e', 't', '_', .. var name] } ? name : member.Name;

    /// <summary>
    /// The selector whose result a query operator returns, when the operator is one the projection guard rewrites: the
    /// selector of a <c>Select</c>, the result selector of a <c>Join</c>, <c>GroupJoin</c> or <c>SelectMany</c>.
    /// </summary>
    public static LambdaExpression? FinalSelector(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Queryable) || call.Arguments.Count < 2 || StripQuote(call.Arguments[^1]) is not LambdaExpression selector)
        {
            return null;
        }

        return call.Method.Name switch
        {
            nameof(Queryable.Select) when selector.Parameters.Count == 1 => selector,
            nameof(Queryable.Join) or nameof(Queryable.GroupJoin) when call.Arguments.Count == 5 => selector,
            nameof(Queryable.SelectMany) when call.Arguments.Count == 3 && selector.Parameters.Count == 2 => selector,
            _ => null,
        };
    }

    /// <summary>Operators that hand a nested collection back as it is: its values were guarded by the Select that made them.</summary>
    public static readonly IReadOnlySet<string> Materializing = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Enumerable.ToList), nameof(Enumerable.ToArray), nameof(Enumerable.AsEnumerable), nameof(Queryable.AsQueryable),
    };

    /// <summary>Operators that, without a predicate, reveal only how many values a sequence holds.</summary>
    public static readonly IReadOnlySet<string> Counting = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Queryable.Count), nameof(Queryable.LongCount), nameof(Queryable.Any),
    };

    /// <summary>Whether an operator returns the values of its source as they are (so a guard on them still applies).</summary>
    public static bool KeepsValues(MethodCallExpression call) =>
        PassThrough.Contains(call.Method.Name)
        || Materializing.Contains(call.Method.Name)
        || (Counting.Contains(call.Method.Name) && call.Arguments.Count == 1);

    /// <summary>
    /// A call that only the database can compute and that tests a value rather than returning it: an
    /// <c>EF.Functions</c> method, or <c>Contains</c> on a collection (<c>list.Contains(c.City)</c>, SQL <c>IN</c>).
    /// </summary>
    public static bool IsDatabaseTest(MethodCallExpression call) =>
        call.Method.DeclaringType?.Name.EndsWith("DbFunctionsExtensions", StringComparison.Ordinal) == true
        || (call.Method.Name == nameof(Enumerable.Contains)
            && call.Method.DeclaringType != typeof(string)
            && (call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable) || call.Object?.Type.IsAssignableTo(typeof(System.Collections.IEnumerable)) == true));

    /// <summary>The one-parameter selector of a Select (LINQ to objects or queryable), or a result selector, if any.</summary>
    public static LambdaExpression? ValueSelector(MethodCallExpression call) =>
        FinalSelector(call)
        ?? (call.Method.DeclaringType == typeof(Enumerable)
            && call.Method.Name == nameof(Enumerable.Select)
            && call.Arguments.Count == 2
            && StripQuote(call.Arguments[1]) is LambdaExpression { Parameters.Count: 1 } selector
                ? selector
                : null);
}
