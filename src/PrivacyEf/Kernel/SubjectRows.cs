using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>Finds the rows of one data subject in every entity that names its subject with <see cref="DataSubjectAttribute"/>.</summary>
internal static class SubjectRows
{
    private static readonly MethodInfo QueryMethod = typeof(SubjectRows).GetMethod(nameof(QueryAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo AnyMethod = typeof(SubjectRows).GetMethod(nameof(AnyOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CountMethod = typeof(SubjectRows).GetMethod(nameof(CountOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ColumnsMethod = typeof(SubjectRows).GetMethod(nameof(QueryColumnsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The entity types of the model with a subject link, dependents before their principals.</summary>
    public static IReadOnlyList<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> LinkedEntities(IModel model)
    {
        var linked = model.GetEntityTypes()
            .Where(e => !e.IsOwned())
            .Select(e => (EntityType: e, Metadata: PrivacyMetadata.Of(e)))
            .Where(e => e.Metadata?.DataSubjectProperty is { } property && LinkOf(e.EntityType, property) is not null)
            .Select(e => (e.EntityType, Metadata: e.Metadata!))
            .ToList();

        // A set of a base type holds the rows of its derived types: a hierarchy is read and erased through its
        // topmost linked type only, or its rows would be exported twice (and a customer counted as three kinds).
        linked.RemoveAll(l => l.EntityType.GetAllBaseTypes().Any(b => linked.Exists(other => other.EntityType == b)));

        // Dependents first, in the order the retention purge uses too, so deleting a subject's rows never trips a foreign key.
        return DependentsFirstOrder.Sort(linked, e => e.EntityType);
    }

    /// <summary>
    /// The column that holds the subject's id: the property marked <c>[DataSubject]</c>, or, when a navigation is marked,
    /// its foreign key (a shadow property when the class declares none). Null when the model maps neither.
    /// </summary>
    public static IProperty? LinkOf(IEntityType entityType, string subjectProperty) =>
        entityType.FindProperty(subjectProperty)
        ?? (entityType.FindNavigation(subjectProperty) is { IsOnDependent: true, ForeignKey.Properties: [var foreignKey] } ? foreignKey : null);

    /// <summary>The subject links the model cannot resolve to a column (an ignored property, a collection navigation), as <c>Entity.Property</c>.</summary>
    public static IReadOnlyList<string> UnresolvedLinks(IModel model) =>
        [.. model.GetEntityTypes()
            .Where(e => !e.IsOwned())
            .Select(e => (EntityType: e, Property: PrivacyMetadata.Of(e)?.DataSubjectProperty))
            .Where(e => e.Property is not null && LinkOf(e.EntityType, e.Property) is null)
            .Select(e => $"{e.EntityType.DisplayName()}.{e.Property}")
            .Distinct()];

    /// <summary>The subject's rows of one entity type, loaded (and decrypted) by EF.</summary>
    public static async Task<IReadOnlyList<object>> LoadAsync(DbContext context, IEntityType entityType, string subjectProperty, object subjectId, bool tracking, CancellationToken cancellationToken)
    {
        var property = LinkOf(entityType, subjectProperty)!;
        var id = ConvertId(subjectId, property.ClrType, entityType, subjectProperty);
        var query = QueryMethod.MakeGenericMethod(entityType.ClrType, property.ClrType);
        return await ((Task<IReadOnlyList<object>>)query.Invoke(null, [context, property.Name, id, tracking, cancellationToken])!).ConfigureAwait(false);
    }

    /// <summary>
    /// The values of <paramref name="columns"/> in each of the subject's rows of one entity type, in that order: a read
    /// that materializes no entity, so no value converter runs on the columns left out.
    /// </summary>
    public static async Task<IReadOnlyList<object?[]>> LoadColumnsAsync(DbContext context, IEntityType entityType, string subjectProperty, object subjectId, IReadOnlyList<IProperty> columns, CancellationToken cancellationToken)
    {
        var property = LinkOf(entityType, subjectProperty)!;
        var id = ConvertId(subjectId, property.ClrType, entityType, subjectProperty);
        var query = ColumnsMethod.MakeGenericMethod(entityType.ClrType, property.ClrType);
        return await ((Task<IReadOnlyList<object?[]>>)query.Invoke(null, [context, property.Name, id, columns, cancellationToken])!).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether any of <paramref name="links"/> (entities that link rows to their subject) holds a row of
    /// <paramref name="subjectId"/>, query filters aside (an archived customer is still a subject). An entity whose
    /// subject property cannot hold the id is skipped.
    /// </summary>
    public static async Task<bool> AnyAsync(DbContext context, IEnumerable<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> links, object subjectId, CancellationToken cancellationToken)
    {
        foreach (var (entityType, metadata) in links)
        {
            var property = LinkOf(entityType, metadata.DataSubjectProperty!)!;
            if (!TryConvertId(subjectId, property.ClrType, out var id))
            {
                continue;
            }

            var any = AnyMethod.MakeGenericMethod(entityType.ClrType, property.ClrType);
            if (await ((Task<bool>)any.Invoke(null, [context, property.Name, id, cancellationToken])!).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject id in the text form consent rows and the access log hold, read first as the links' key would hold it:
    /// a GUID given as text in upper case, or "01" for an integer key, is the same subject as the key's own value.
    /// </summary>
    public static string Canonical(IEnumerable<(IEntityType EntityType, PrivacyEntityMetadata Metadata)> links, object subjectId)
    {
        // A text link would take any id as it is: the typed ones say how to read it.
        foreach (var property in links.Select(l => LinkOf(l.EntityType, l.Metadata.DataSubjectProperty!)).OfType<IProperty>().OrderBy(p => p.ClrType == typeof(string)))
        {
            if (TryConvertId(subjectId, property.ClrType, out var id) && id is not null)
            {
                return SubjectIds.Format(id);
            }
        }

        return SubjectIds.Format(subjectId);
    }

    /// <summary>How many rows of one entity type the subject has, query filters aside.</summary>
    public static Task<int> CountAsync(DbContext context, IEntityType entityType, string subjectProperty, object subjectId, CancellationToken cancellationToken)
    {
        var property = LinkOf(entityType, subjectProperty)!;
        var id = ConvertId(subjectId, property.ClrType, entityType, subjectProperty);
        var count = CountMethod.MakeGenericMethod(entityType.ClrType, property.ClrType);
        return (Task<int>)count.Invoke(null, [context, property.Name, id, cancellationToken])!;
    }

    private static Task<int> CountOfAsync<TEntity, TKey>(DbContext context, string property, TKey id, CancellationToken cancellationToken)
        where TEntity : class =>
        RowsOf<TEntity, TKey>(context, property, id).IgnoreQueryFilters().CountAsync(cancellationToken);

    private static Task<bool> AnyOfAsync<TEntity, TKey>(DbContext context, string property, TKey id, CancellationToken cancellationToken)
        where TEntity : class =>
        RowsOf<TEntity, TKey>(context, property, id).IgnoreQueryFilters().AnyAsync(cancellationToken);

    private static async Task<IReadOnlyList<object>> QueryAsync<TEntity, TKey>(DbContext context, string property, TKey id, bool tracking, CancellationToken cancellationToken)
        where TEntity : class
    {
        // Query filters aside: a soft-deleted or archived row still holds the subject's data, to export or to erase.
        var query = RowsOf<TEntity, TKey>(context, property, id).IgnoreQueryFilters();
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        return await query.ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<object?[]>> QueryColumnsAsync<TEntity, TKey>(DbContext context, string property, TKey id, IReadOnlyList<IProperty> columns, CancellationToken cancellationToken)
        where TEntity : class
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var values = columns.Select(column => Expression.Convert(
            Expression.Call(typeof(EF), nameof(EF.Property), [column.ClrType], row, Expression.Constant(column.Name)),
            typeof(object)));
        var selector = Expression.Lambda<Func<TEntity, object?[]>>(Expression.NewArrayInit(typeof(object), values), row);
        return await RowsOf<TEntity, TKey>(context, property, id).IgnoreQueryFilters().Select(selector).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<TEntity> RowsOf<TEntity, TKey>(DbContext context, string property, TKey id)
        where TEntity : class
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var holder = new StrongBoxOf<TKey>(id);

        // A member of a captured object, not a constant, so EF sends the id as a parameter.
        var value = Expression.Field(Expression.Constant(holder), nameof(StrongBoxOf<TKey>.Value));
        var access = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TKey)], row, Expression.Constant(property));
        var predicate = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(access, value), row);
        return context.Set<TEntity>().Where(predicate);
    }

    private static object? ConvertId(object subjectId, Type target, IEntityType entityType, string property) =>
        TryConvertId(subjectId, target, out var id, out var failure)
            ? id
            : throw new ArgumentException($"The subject id '{subjectId}' cannot be compared with {entityType.ClrType.Name}.{property}, which is of type {(Nullable.GetUnderlyingType(target) ?? target).Name}.", nameof(subjectId), failure);

    private static bool TryConvertId(object subjectId, Type target, out object? id) => TryConvertId(subjectId, target, out id, out _);

    private static bool TryConvertId(object subjectId, Type target, out object? id, out Exception? failure)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            id = subjectId.GetType() == type ? subjectId
                : type == typeof(Guid) ? Guid.Parse(Convert.ToString(subjectId, CultureInfo.InvariantCulture)!)
                : Convert.ChangeType(subjectId, type, CultureInfo.InvariantCulture);
            failure = null;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            id = null;
            failure = ex;
            return false;
        }
    }

    /// <summary>Holds a captured value; a field read EF turns into a query parameter.</summary>
    private sealed class StrongBoxOf<T>(T value)
    {
        public readonly T Value = value;
    }
}
