using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Metadata;

namespace PrivacyEf.Access;

/// <summary>
/// Rewrites the final projection of a query so each read of a personal property goes through
/// <see cref="AccessGuard.Read"/>. Only what EF evaluates on the client is touched: predicates, orderings and other
/// arguments of nested query operators stay as they are, so they still translate to SQL.
/// </summary>
internal sealed class ProjectionGuardRewriter(AccessRuntime access, IModel model, bool logged) : ExpressionVisitor
{
    private ProjectedPersonalMembers? carried;

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private static readonly HashSet<string> PassThroughOperators =
    [
        nameof(Queryable.First), nameof(Queryable.FirstOrDefault), nameof(Queryable.Single), nameof(Queryable.SingleOrDefault),
        nameof(Queryable.Last), nameof(Queryable.LastOrDefault), nameof(Queryable.ElementAt), nameof(Queryable.ElementAtOrDefault),
        nameof(Queryable.Take), nameof(Queryable.Skip),
        nameof(EntityFrameworkQueryableExtensions.AsNoTracking), nameof(EntityFrameworkQueryableExtensions.AsNoTrackingWithIdentityResolution),
        nameof(EntityFrameworkQueryableExtensions.AsTracking), nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters),
        nameof(EntityFrameworkQueryableExtensions.IgnoreAutoIncludes), nameof(EntityFrameworkQueryableExtensions.TagWith),
        nameof(EntityFrameworkQueryableExtensions.TagWithCallSite), "AsSplitQuery", "AsSingleQuery",
    ];

    /// <summary>Finds the query's final Select (under operators that keep its shape) and guards its selector.</summary>
    public Expression RewriteFinalProjection(Expression query)
    {
        carried ??= ProjectedPersonalMembers.Collect(query, model);
        if (query is not MethodCallExpression call || call.Arguments.Count == 0 || !IsQueryOperator(call.Method))
        {
            return query;
        }

        if (PassThroughOperators.Contains(call.Method.Name))
        {
            var source = RewriteFinalProjection(call.Arguments[0]);
            return ReferenceEquals(source, call.Arguments[0]) ? call : call.Update(call.Object, [source, .. call.Arguments.Skip(1)]);
        }

        if (call.Method.Name == nameof(Queryable.Select)
            && call.Method.DeclaringType == typeof(Queryable)
            && call.Arguments[1] is UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression { Parameters.Count: 1 } selector })
        {
            var guarded = Expression.Lambda(selector.Type, Visit(selector.Body), selector.Parameters);
            return call.Update(null, [call.Arguments[0], Expression.Quote(guarded)]);
        }

        return query;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var instance = Visit(node.Expression);
        var updated = node.Update(instance);
        return instance is not null && node.Member is PropertyInfo ? Guard(updated, instance, node.Member.Name) : updated;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == PropertyMethod
            && node.Arguments[1] is ConstantExpression { Value: string name })
        {
            var instance = Visit(node.Arguments[0]);
            return Guard(node.Update(null, [instance, node.Arguments[1]]), instance, name);
        }

        if (!IsQueryOperator(node.Method) || node.Arguments.Count == 0)
        {
            return base.VisitMethodCall(node);
        }

        // A nested query: its selector is evaluated on the client like the outer projection; every other argument
        // (predicates, keys, counts) has to reach SQL untouched.
        var arguments = node.Arguments.ToArray();
        arguments[0] = Visit(arguments[0]);
        if (node.Method.Name == nameof(Enumerable.Select) && arguments.Length == 2 && StripQuote(arguments[1]) is LambdaExpression { Parameters.Count: 1 } selector)
        {
            var guarded = Expression.Lambda(selector.Type, Visit(selector.Body), selector.Parameters);
            arguments[1] = arguments[1] is UnaryExpression { NodeType: ExpressionType.Quote } ? Expression.Quote(guarded) : guarded;
        }

        return node.Update(node.Object, arguments);
    }

    private static Expression StripQuote(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;

    private static bool IsQueryOperator(MethodInfo method) =>
        method.DeclaringType == typeof(Queryable)
        || method.DeclaringType == typeof(Enumerable)
        || method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
        || method.DeclaringType?.Name == "RelationalQueryableExtensions";

    private Expression Guard(Expression read, Expression instance, string propertyName)
    {
        if (PrivacyRegistry.Find(instance.Type) is not { } metadata || metadata.FindProperty(propertyName) is not { } property)
        {
            // Not an entity's property: maybe an anonymous type's or a DTO's member that an earlier Select filled from one.
            return carried?.Find(instance.Type, propertyName) is { } source
                ? Expression.Call(
                    AccessGuard.ReadMethod.MakeGenericMethod(read.Type),
                    read,
                    Expression.Constant(access.Member(source.Entity, source.Property, source.Nullable, logged).Id),
                    Expression.Constant(null, typeof(object)))
                : read;
        }

        var entityType = model.FindEntityType(instance.Type);
        var nullable = entityType?.FindProperty(propertyName)?.IsNullable ?? !read.Type.IsValueType || Nullable.GetUnderlyingType(read.Type) is not null;
        var member = access.Member(metadata, property, nullable, logged);
        return Expression.Call(
            AccessGuard.ReadMethod.MakeGenericMethod(read.Type),
            read,
            Expression.Constant(member.Id),
            SubjectOf(instance, metadata, entityType));
    }

    private static Expression SubjectOf(Expression instance, PrivacyEntityMetadata metadata, IEntityType? entityType)
    {
        if (metadata.DataSubjectProperty is not { } name || entityType?.FindProperty(name)?.PropertyInfo is not { } subject)
        {
            return Expression.Constant(null, typeof(object));
        }

        Expression read = Expression.Property(instance, subject);

        // Read as nullable: the instance may be a navigation that an outer join leaves empty.
        if (read.Type.IsValueType && Nullable.GetUnderlyingType(read.Type) is null)
        {
            read = Expression.Convert(read, typeof(Nullable<>).MakeGenericType(read.Type));
        }

        return Expression.Convert(read, typeof(object));
    }
}
