using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Kernel;

/// <summary>
/// The set-based form of <see cref="DependentRows"/>, for the purge's bulk deletes: a predicate, translated to SQL, that
/// holds for a row only when the database could delete it without being refused by a foreign key and without its
/// cascades removing or changing a row PrivacyEf keeps (held, linked to a data subject, retained to be anonymized).
/// </summary>
internal static class DeletableRowFilter
{
    /// <summary>How far cascades through rows without privacy rules are followed; a longer chain counts as blocking.</summary>
    private const int MaxDepth = 4;

    /// <summary>The predicate, or null when no foreign key references <paramref name="entityType"/>.</summary>
    public static Expression<Func<TEntity, bool>>? For<TEntity>(DbContext context, IEntityType entityType)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        return Blocked(context, entityType, row, depth: 0) is { } blocked
            ? Expression.Lambda<Func<TEntity, bool>>(Expression.Not(blocked), row)
            : null;
    }

    /// <summary>When deleting <paramref name="row"/> would be refused or would take or change a kept row; null when never.</summary>
    private static Expression? Blocked(DbContext context, IEntityType entityType, Expression row, int depth)
    {
        Expression? blocked = null;
        foreach (var foreignKey in DependentRows.ReferencesTo(context.Model, entityType))
        {
            var dependent = foreignKey.DeclaringEntityType;
            var other = Expression.Parameter(dependent.ClrType, "d" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Expression? condition = foreignKey.DeleteBehavior switch
            {
                DeleteBehavior.Cascade when DependentRows.KeepsEveryRow(dependent) || depth >= MaxDepth => Expression.Constant(true),
                DeleteBehavior.Cascade => Or(IsHeld(dependent, other), Blocked(context, dependent, other, depth + 1)),
                DeleteBehavior.SetNull => IsHeld(dependent, other),
                _ => Expression.Constant(true),
            };
            if (condition is null)
            {
                continue;
            }

            var references = foreignKey.Properties
                .Select((property, i) => (Expression)Expression.Equal(
                    Property(other, property),
                    Expression.Convert(Property(row, foreignKey.PrincipalKey.Properties[i]), property.ClrType)))
                .Aggregate(Expression.AndAlso);
            var predicate = Expression.Lambda(
                condition is ConstantExpression { Value: true } ? references : Expression.AndAlso(references, condition),
                other);
            // The set's own query root, as if the subquery had been written in the LINQ query.
            var rows = SetOf(context, dependent.ClrType).Expression;
            var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [dependent.ClrType], rows, Expression.Quote(predicate));
            blocked = Or(blocked, any);
        }

        return blocked;
    }

    private static BinaryExpression? IsHeld(IEntityType entityType, ParameterExpression row) =>
        DependentRows.HoldProperty(entityType) is { } hold ? Expression.Equal(Property(row, hold), Expression.Constant(true, hold.ClrType)) : null;

    private static Expression? Or(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.OrElse(left, right);

    private static MethodCallExpression Property(Expression row, IProperty property) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], row, Expression.Constant(property.Name));

    private static IQueryable SetOf(DbContext context, Type clrType) =>
        (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clrType).Invoke(context, null)!;
}
