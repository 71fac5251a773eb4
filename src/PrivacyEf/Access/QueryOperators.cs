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
}
