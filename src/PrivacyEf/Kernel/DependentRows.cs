using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// Finds out, before a row is deleted, what the database's foreign keys would do to the rows that reference it, so that
/// an erasure never lets a cascade remove a row PrivacyEf must keep (under legal hold, kept anonymized by its retention
/// rule, or another data subject's) and never fails halfway on a restricting key. It reads the rows that reference the
/// row now, in the caller's transaction, and follows cascades to the rows that reference those.
/// </summary>
/// <remarks>
/// Ownership is not a reference: an owned type is part of its owner's row and goes with it.
/// </remarks>
internal static class DependentRows
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<IEntityType, IForeignKey[]>> References = [];

    private static readonly MethodInfo QueryMethod = typeof(DependentRows).GetMethod(nameof(QueryAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>What deleting the row of <paramref name="entityType"/> with these key values would do.</summary>
    /// <param name="context">The context, in the transaction the deletion will run in.</param>
    /// <param name="entityType">The row's entity type.</param>
    /// <param name="valueOf">The row's value of a property of one of its keys.</param>
    /// <param name="deletedAnyway">
    /// Whether a row (its entity type, its key values) is deleted by the same request anyway, such as another row of the
    /// same subject in a self-referencing tree: such a row neither keeps this one nor counts as taken by a cascade.
    /// </param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<DeletionImpact> ImpactOfDeletingAsync(
        DbContext context, IEntityType entityType, Func<IProperty, object?> valueOf, Func<IEntityType, Func<IProperty, object?>, bool>? deletedAnyway, CancellationToken cancellationToken)
    {
        var cascaded = new Dictionary<IEntityType, int>();
        var unlinked = new Dictionary<IForeignKey, int>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(IEntityType Type, Func<IProperty, object?> ValueOf)>();
        pending.Push((entityType, valueOf));
        while (pending.TryPop(out var row))
        {
            foreach (var foreignKey in ReferencesTo(context.Model, row.Type))
            {
                var dependent = foreignKey.DeclaringEntityType;
                var keyValues = foreignKey.PrincipalKey.Properties.Select(row.ValueOf).ToArray();
                if (keyValues.Any(value => value is null))
                {
                    continue;
                }

                var found = await LoadAsync(context, foreignKey, keyValues, cancellationToken).ConfigureAwait(false);
                var rows = deletedAnyway is null ? found.Rows : [.. found.Rows.Where(values => !deletedAnyway(dependent, found.ValueOf(values)))];
                if (rows.Count == 0)
                {
                    continue;
                }

                var through = $"{dependent.DisplayName()}.{string.Join("+", foreignKey.Properties.Select(p => p.Name))}";
                var heldCount = found.HeldIn(rows);
                var kept = KeepsEveryRow(dependent) ? rows.Count : heldCount;
                switch (foreignKey.DeleteBehavior)
                {
                    case DeleteBehavior.Cascade when kept > 0:
                        return DeletionImpact.Blocked(
                            $"the database would delete with it {Rows(kept, dependent)} that reference it ({through}, ON DELETE CASCADE), " +
                            "which PrivacyEf keeps by their own rules (legal hold, anonymizing retention, a data subject's erasure)");
                    case DeleteBehavior.Cascade:
                        cascaded[dependent] = cascaded.GetValueOrDefault(dependent) + rows.Count;
                        foreach (var values in rows)
                        {
                            if (visited.Add(dependent.Name + "|" + string.Join("|", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))))
                            {
                                pending.Push((dependent, found.ValueOf(values)));
                            }
                        }

                        break;
                    case DeleteBehavior.SetNull when heldCount > 0:
                        return DeletionImpact.Blocked(
                            $"{Rows(heldCount, dependent)} under legal hold reference it ({through}, ON DELETE SET NULL), and a held row is never changed");
                    case DeleteBehavior.SetNull:
                        unlinked[foreignKey] = unlinked.GetValueOrDefault(foreignKey) + rows.Count;
                        break;
                    default:
                        return DeletionImpact.Blocked(
                            $"{Rows(rows.Count, dependent)} reference it through a foreign key that does not let the database delete it ({through}, {foreignKey.DeleteBehavior})");
                }
            }
        }

        return DeletionImpact.Allowed(cascaded, unlinked);
    }

    /// <summary>
    /// The foreign keys whose principal rows may be rows of <paramref name="principal"/>. Left out: ownerships, and the
    /// key-to-key link between the tables of one row (a TPT derived table, table splitting), which is the row itself.
    /// </summary>
    /// <remarks>Found once per model and entity type: an erasure asks for every row it deletes, and at every level of a cascade.</remarks>
    public static IReadOnlyList<IForeignKey> ReferencesTo(IModel model, IEntityType principal) =>
        References.GetValue(model, static _ => new ConcurrentDictionary<IEntityType, IForeignKey[]>())
            .GetOrAdd(principal, static (type, model) => FindReferencesTo(model, type), model);

    private static IForeignKey[] FindReferencesTo(IModel model, IEntityType principal) =>
        [.. model.GetEntityTypes()
            .Where(dependent => !dependent.IsOwned() && !dependent.HasSharedClrType && dependent.GetTableName() is not null)
            .SelectMany(dependent => dependent.GetDeclaredForeignKeys())
            .Where(foreignKey => !foreignKey.IsOwnership
                && !IsLinkBetweenTablesOfOneRow(foreignKey)
                && (foreignKey.PrincipalEntityType.IsAssignableFrom(principal) || principal.IsAssignableFrom(foreignKey.PrincipalEntityType)))];

    private static bool IsLinkBetweenTablesOfOneRow(IForeignKey foreignKey) =>
        foreignKey.DeclaringEntityType.GetRootType() == foreignKey.PrincipalEntityType.GetRootType()
        && foreignKey.PrincipalKey.IsPrimaryKey()
        && foreignKey.DeclaringEntityType.FindPrimaryKey() is { } key
        && key.Properties.SequenceEqual(foreignKey.Properties);

    /// <summary>
    /// Whether no row of <paramref name="entityType"/> may be removed by a cascade: rows linked to a data subject go only
    /// by that subject's erasure or their own retention, and rows retained to be anonymized are never deleted. (A row
    /// under legal hold is kept too, whatever its type: see <see cref="HoldProperty"/>.)
    /// </summary>
    /// <remarks>
    /// A set of <paramref name="entityType"/> holds the rows of its derived types too, whose rules a row read through it
    /// does not show: a derived type that links rows to a subject, is retained to be anonymized, or has a legal hold the
    /// base type does not declare makes every row of the set count as kept.
    /// </remarks>
    public static bool KeepsEveryRow(IEntityType entityType) =>
        entityType.GetAllBaseTypesInclusive().Concat(entityType.GetDerivedTypes())
            .Select(type => PrivacyMetadata.Of(type))
            .Any(metadata => metadata is not null
                && (metadata.DataSubjectProperty is not null || metadata.Retention?.Action == RetentionAction.Anonymize))
        || (HoldProperty(entityType) is null
            && entityType.GetDerivedTypes().Any(type => PrivacyMetadata.Of(type)?.LegalHoldProperty is not null));

    /// <summary>The <c>[LegalHold]</c> flag of <paramref name="entityType"/> (declared on it or a base type), or null when it has none.</summary>
    public static IProperty? HoldProperty(IEntityType entityType) =>
        entityType.GetAllBaseTypesInclusive()
            .Select(type => PrivacyMetadata.Of(type)?.LegalHoldProperty)
            .FirstOrDefault(name => name is not null) is { } holdName
            ? entityType.FindProperty(holdName)
            : null;

    private static string Rows(int count, IEntityType entityType) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {entityType.DisplayName()} row{(count == 1 ? "" : "s")}");

    private static Task<FoundRows> LoadAsync(DbContext context, IForeignKey foreignKey, object?[] keyValues, CancellationToken cancellationToken)
    {
        var dependent = foreignKey.DeclaringEntityType;
        var columns = dependent.GetKeys().SelectMany(key => key.Properties).Distinct().ToList();
        var hold = HoldProperty(dependent);
        var query = QueryMethod.MakeGenericMethod(dependent.ClrType);
        return (Task<FoundRows>)query.Invoke(null, [context, foreignKey, keyValues, columns, hold, cancellationToken])!;
    }

    private static async Task<FoundRows> QueryAsync<TEntity>(DbContext context, IForeignKey foreignKey, object?[] keyValues, List<IProperty> columns, IProperty? hold, CancellationToken cancellationToken)
        where TEntity : class
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        Expression? matches = null;
        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            var property = foreignKey.Properties[i];

            // A member of a captured object, not a constant, so EF sends the value as a parameter.
            var value = Expression.Convert(Expression.Field(Expression.Constant(new ValueHolder(keyValues[i])), nameof(ValueHolder.Value)), property.ClrType);
            var equal = Expression.Equal(Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], row, Expression.Constant(property.Name)), value);
            matches = matches is null ? equal : Expression.AndAlso(matches, equal);
        }

        var selected = columns.Append(hold).OfType<IProperty>()
            .Select(column => Expression.Convert(Expression.Call(typeof(EF), nameof(EF.Property), [column.ClrType], row, Expression.Constant(column.Name)), typeof(object)));
        var rows = await context.Set<TEntity>()
            .IgnoreQueryFilters()
            .AsNoTracking()
            .Where(Expression.Lambda<Func<TEntity, bool>>(matches!, row))
            .Select(Expression.Lambda<Func<TEntity, object?[]>>(Expression.NewArrayInit(typeof(object), selected), row))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return new FoundRows(rows, columns, hold is not null);
    }

    private sealed record FoundRows(List<object?[]> Rows, List<IProperty> Columns, bool ReadHold)
    {
        /// <summary>How many of <paramref name="rows"/> are under legal hold (their flag is read after the key columns).</summary>
        public int HeldIn(List<object?[]> rows) => ReadHold ? rows.Count(values => values[Columns.Count] is true) : 0;

        /// <summary>A row's value of a key property; null (so the key is not followed) for one the query did not read.</summary>
        public Func<IProperty, object?> ValueOf(object?[] values) => property => Columns.IndexOf(property) is var index and >= 0 ? values[index] : null;
    }

    private sealed class ValueHolder(object? value)
    {
        public readonly object? Value = value;
    }
}
