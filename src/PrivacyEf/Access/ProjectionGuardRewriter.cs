using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// Rewrites the final projection of a query so each read of a personal property goes through
/// <see cref="AccessGuard.Read"/>. Only what EF evaluates on the client is touched: predicates, orderings and other
/// arguments of nested query operators stay as they are, so they still translate to SQL.
/// </summary>
internal sealed class ProjectionGuardRewriter(AccessRuntime access, IModel model, bool logged) : ExpressionVisitor
{
    private ProjectedPersonalMembers? carried;
    private HashSet<Type>? built;

    /// <summary>
    /// Finds the query's final projection (under operators that keep its shape): a <c>Select</c>, or the result selector
    /// of a <c>Join</c>, <c>GroupJoin</c> or <c>SelectMany</c>, and guards it. Run it on a query
    /// <see cref="ProjectionNormalizer"/> has normalized, so a <c>Where</c> or <c>OrderBy</c> does not hide it.
    /// </summary>
    public Expression RewriteFinalProjection(Expression query)
    {
        carried ??= ProjectedPersonalMembers.Collect(query, model);
        built ??= EntitiesBuiltIn(query, model);
        if (query is not MethodCallExpression call || call.Arguments.Count == 0 || !QueryOperators.IsQueryOperator(call.Method))
        {
            return query;
        }

        if (call.Method.DeclaringType == typeof(Queryable) && call.Method.Name is nameof(Queryable.Min) or nameof(Queryable.Max))
        {
            return RewriteExtreme(call);
        }

        if (QueryOperators.PassThrough.Contains(call.Method.Name))
        {
            var source = RewriteFinalProjection(call.Arguments[0]);
            return ReferenceEquals(source, call.Arguments[0]) ? call : call.Update(call.Object, [source, .. call.Arguments.Skip(1)]);
        }

        if (QueryOperators.FinalSelector(call) is { } selector)
        {
            var guarded = Expression.Lambda(selector.Type, Visit(TypedRows(selector, call.Arguments[0])), selector.Parameters);
            return call.Update(null, [.. call.Arguments.SkipLast(1), Expression.Quote(guarded)]);
        }

        return query;
    }

    /// <summary>
    /// <c>Max(p =&gt; p.BirthDate)</c> returns a personal value computed in SQL, past any projection. It becomes
    /// <c>Select(p =&gt; p.BirthDate).Where(v =&gt; v != null).OrderByDescending(v =&gt; v).Select(guard).FirstOrDefault()</c>:
    /// the same value, found by the database, then guarded like any projection.
    /// </summary>
    private MethodCallExpression RewriteExtreme(MethodCallExpression call)
    {
        Expression source = call.Arguments[0];
        LambdaExpression selector;
        if (call.Arguments.Count == 2 && QueryOperators.StripQuote(call.Arguments[1]) is LambdaExpression given)
        {
            selector = given;
        }
        else if (source is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [var inner, var quoted] } select
            && select.Method.DeclaringType == typeof(Queryable)
            && QueryOperators.StripQuote(quoted) is LambdaExpression { Parameters.Count: 1 } projection)
        {
            source = inner;
            selector = projection;
        }
        else
        {
            return call;
        }

        if (Guard(selector.Body) is not MethodCallExpression { Arguments: [_, ConstantExpression memberId, _] })
        {
            return call;
        }

        var elementType = selector.ReturnType;
        var sourceType = selector.Parameters[0].Type;
        Expression values = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [sourceType, elementType], source, Expression.Quote(selector));
        var value = Expression.Parameter(elementType, "v");
        var nullable = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
        if (nullable)
        {
            // Min and Max skip nulls; databases sort them first or last as they please.
            values = Expression.Call(
                typeof(Queryable),
                nameof(Queryable.Where),
                [elementType],
                values,
                Expression.Quote(Expression.Lambda(Expression.NotEqual(value, Expression.Constant(null, elementType)), value)));
        }

        var order = call.Method.Name == nameof(Queryable.Max) ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy);
        values = Expression.Call(typeof(Queryable), order, [elementType, elementType], values, Expression.Quote(Expression.Lambda(value, value)));
        var guarded = Expression.Lambda(
            Expression.Call(AccessGuard.ReadMethod.MakeGenericMethod(elementType), value, memberId, Expression.Constant(null, typeof(object))),
            value);
        values = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [elementType, elementType], values, Expression.Quote(guarded));
        return Expression.Call(typeof(Queryable), nullable ? nameof(Queryable.FirstOrDefault) : nameof(Queryable.First), [elementType], values);
    }

    /// <summary>The guarded form of a read of a personal member, or the expression itself when it reads none.</summary>
    private Expression Guard(Expression read)
    {
        while (read is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            read = convert.Operand;
        }

        return read is MemberExpression { Expression: { } instance, Member: PropertyInfo property } member
            ? Guard(member, instance, property.Name)
            : read;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var instance = Visit(node.Expression);
        var updated = node.Update(instance);
        return instance is not null && node.Member is PropertyInfo ? Guard(updated, instance, node.Member.Name) : updated;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == QueryOperators.PropertyMethod
            && node.Arguments[1] is ConstantExpression { Value: string name })
        {
            var instance = Visit(node.Arguments[0]);
            return Guard(node.Update(null, [instance, node.Arguments[1]]), instance, name);
        }

        if (QueryOperators.IsDatabaseTest(node))
        {
            // Only SQL can compute it (IN, LIKE): left on the real value, which the scope must be allowed to see
            // (ConditionUseCollector refuses the run otherwise).
            return node;
        }

        if (!QueryOperators.IsQueryOperator(node.Method) || node.Arguments.Count == 0)
        {
            return base.VisitMethodCall(node);
        }

        // A nested query: its selector is evaluated on the client like the outer projection; every other argument
        // (predicates, keys, counts) has to reach SQL untouched. An operator that computes on the selected values
        // (Max, Distinct, Where) needs them in SQL too: its source's Select is left as it is, and the run is refused
        // to a scope that may not see them.
        var arguments = node.Arguments.ToArray();
        arguments[0] = QueryOperators.KeepsValues(node) ? Visit(arguments[0]) : VisitUnguardedSelection(arguments[0]);
        if (node.Method.Name == nameof(Enumerable.Select) && arguments.Length == 2 && QueryOperators.StripQuote(arguments[1]) is LambdaExpression { Parameters.Count: 1 } selector)
        {
            var guarded = Expression.Lambda(selector.Type, Visit(TypedRows(selector, arguments[0])), selector.Parameters);
            arguments[1] = arguments[1] is UnaryExpression { NodeType: ExpressionType.Quote } ? Expression.Quote(guarded) : guarded;
        }

        return node.Update(node.Object, arguments);
    }

    /// <summary>
    /// The selector's body, where rows typed <c>object</c> (EF's own GetDatabaseValues and Reload read an entity's
    /// values that way) are read as the entity at the root of <paramref name="source"/>: its <c>EF.Property</c> reads
    /// are that entity's members, and are guarded as such instead of passing unnoticed.
    /// </summary>
    private static Expression TypedRows(LambdaExpression selector, Expression source) =>
        selector.Parameters is [{ Type: var rowType } row] && rowType == typeof(object) && RootEntityType(source) is { } root
            ? ReplacingExpressionVisitor.Replace(row, Expression.Convert(row, root.ClrType), selector.Body)
            : selector.Body;

    /// <summary>The entity type at the root of a chain of query operators, or null when the chain does not start at an entity set.</summary>
    private static IEntityType? RootEntityType(Expression source)
    {
        while (source is MethodCallExpression { Arguments.Count: > 0 } call)
        {
            source = call.Arguments[0];
        }

        return source is EntityQueryRootExpression root ? root.EntityType : null;
    }

    /// <summary>A sequence whose selected values must stay in SQL: its Select's source is visited, not its selector.</summary>
    private Expression VisitUnguardedSelection(Expression sequence)
    {
        if (sequence is MethodCallExpression select && QueryOperators.ValueSelector(select) is not null && select.Arguments.Count == 2)
        {
            return select.Update(select.Object, [Visit(select.Arguments[0]), select.Arguments[1]]);
        }

        return Visit(sequence);
    }

    private Expression Guard(Expression read, Expression instance, string propertyName)
    {
        if (PrivacyMetadata.Find(model, instance.Type, propertyName) is not { } metadata || metadata.FindProperty(propertyName) is not { } property)
        {
            // Not an entity's property: maybe an anonymous type's or a DTO's member that an earlier Select filled from one.
            return carried?.Find(instance.Type, propertyName) is { } source
                ? Expression.Call(
                    AccessGuard.ReadMethod.MakeGenericMethod(read.Type),
                    read,
                    Expression.Constant(Member(source.Entity, source.Property, source.Nullable, model.FindEntityType(source.Entity.ClrType)).Id),
                    Expression.Constant(null, typeof(object)))
                : read;
        }

        var entityType = model.FindEntityType(instance.Type);
        var nullable = entityType?.FindProperty(propertyName)?.IsNullable ?? !read.Type.IsValueType || Nullable.GetUnderlyingType(read.Type) is not null;
        var member = Member(metadata, property, nullable, entityType);
        return Expression.Call(
            AccessGuard.ReadMethod.MakeGenericMethod(read.Type),
            read,
            Expression.Constant(member.Id),
            built?.Contains(instance.Type) == true ? Expression.Constant(null, typeof(object)) : SubjectOf(instance, metadata, entityType));
    }

    /// <summary>
    /// The entity types the query constructs itself (<c>new Customer { Id = 1, Email = c.Email }</c>): an instance of one
    /// holds whatever link the query put in it, so its link says nothing about whose values it carries, and its rows
    /// are no one's own (a scope acting for itself would otherwise read anyone's values under its own id).
    /// </summary>
    private static HashSet<Type> EntitiesBuiltIn(Expression query, IModel model)
    {
        var found = new HashSet<Type>();
        new ConstructionFinder(model, found).Visit(query);
        return found;
    }

    private sealed class ConstructionFinder(IModel model, HashSet<Type> found) : ExpressionVisitor
    {
        protected override Expression VisitNew(NewExpression node)
        {
            if (model.FindEntityType(node.Type) is not null)
            {
                found.Add(node.Type);
            }

            return base.VisitNew(node);
        }
    }

    private GuardedMember Member(PrivacyEntityMetadata metadata, PrivacyPropertyMetadata property, bool nullable, IEntityType? entityType)
    {
        var kinds = SubjectKinds.Of(model);
        var kindName = entityType is not null && kinds.TryGetKindName(entityType, out var name) ? name : null;
        var kindType = entityType is not null && kinds.TryGetKind(entityType, out var kind) ? kind?.ClrType : null;
        return access.Member(metadata, property, nullable, logged, kindName, kindType);
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
