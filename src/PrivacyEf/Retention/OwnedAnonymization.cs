using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>
/// The anonymizing setters of the personal properties of types owned by a purged entity: the generated setters cover
/// the entity's own properties only, and an owned type is part of its row. A reference owned in the owner's table is
/// set in the same <c>ExecuteUpdate</c>; an owned collection, a reference in a table of its own or in a JSON column cannot
/// be reached by it, so the purge refuses such an entity before it changes anything rather than leave personal values behind.
/// </summary>
internal static class OwnedAnonymization
{
    /// <summary>The setters, or null when no owned type of <paramref name="entityType"/> holds personal data.</summary>
    /// <exception cref="InvalidOperationException">An owned type with personal data lives where the update cannot reach.</exception>
    public static Action<UpdateSettersBuilder<TEntity>>? SettersFor<TEntity>(IEntityType entityType, DateTimeOffset now)
    {
        var assignments = new List<(LambdaExpression Property, object? Value)>();
        Collect(entityType, entityType, Expression.Parameter(typeof(TEntity), "entity"), [], now, assignments);
        if (assignments.Count == 0)
        {
            return null;
        }

        // SetProperty<TProperty>(property, value): the overload that takes the value itself, made for each property's type.
        var setProperty = typeof(UpdateSettersBuilder<TEntity>).GetMethods()
            .Single(m => m.Name == nameof(UpdateSettersBuilder<TEntity>.SetProperty) && m.GetParameters()[1].ParameterType.IsGenericParameter);
        var calls = assignments.Select(a => (Method: setProperty.MakeGenericMethod(a.Property.ReturnType), a.Property, a.Value)).ToList();
        return setters =>
        {
            foreach (var (method, property, value) in calls)
            {
                method.Invoke(setters, [property, value]);
            }
        };
    }

    private static void Collect(IEntityType root, IEntityType owner, ParameterExpression entity, List<INavigation> path, DateTimeOffset now, List<(LambdaExpression, object?)> assignments)
    {
        foreach (var navigation in owner.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
        {
            var owned = navigation.TargetEntityType;
            var ownedPath = new List<INavigation>(path) { navigation };
            var personal = PrivacyMetadata.Of(owned)?.Properties.Where(p => owned.FindProperty(p.Name) is not null).ToList() ?? [];
            // EF 10 runs no ExecuteUpdate on an owned type mapped to JSON (only on complex types): refused here, by name.
            var where = navigation.IsCollection ? "a collection"
                : owned.IsMappedToJson() ? "in a JSON column"
                : owned.GetTableName() != root.GetTableName() || owned.GetSchema() != root.GetSchema() ? "in a table of its own"
                : null;
            if (personal.Count > 0 && where is not null)
            {
                var name = string.Join(".", ownedPath.Select(n => n.Name));
                throw new InvalidOperationException(
                    $"{root.DisplayName()} is retained with Then = Anonymize, but its owned {name} ({where}) holds personal data " +
                    $"({string.Join(", ", personal.Select(p => p.Name))}) that the purge's set-based update cannot reach, so the purge stopped before changing any {root.DisplayName()} row: " +
                    "own it as a reference in the owner's table, or retain the entity with Then = Delete.");
            }

            var values = new AnonymizedValues(owned, now);
            foreach (var property in personal)
            {
                var mapped = owned.FindProperty(property.Name)!;
                assignments.Add((Access(entity, ownedPath, mapped), values.ValueFor(property.Name)));
                if (property.Searchable && property.Encrypt && owned.FindProperty(property.Name + "BlindIndex") is { } blindIndex)
                {
                    // The blind index would still match the old value: an anonymized row must not be findable by it.
                    assignments.Add((Access(entity, ownedPath, blindIndex), null));
                }
            }

            Collect(root, owned, entity, ownedPath, now, assignments);
        }
    }

    /// <summary><c>entity => EF.Property&lt;T&gt;(EF.Property&lt;Owned&gt;(entity, "Nav"), "Name")</c>.</summary>
    private static LambdaExpression Access(ParameterExpression entity, List<INavigation> path, IProperty property)
    {
        Expression current = entity;
        foreach (var navigation in path)
        {
            current = Expression.Call(typeof(EF), nameof(EF.Property), [navigation.ClrType], current, Expression.Constant(navigation.Name));
        }

        var value = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], current, Expression.Constant(property.Name));
        return Expression.Lambda(value, entity);
    }
}
