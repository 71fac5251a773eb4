using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>
/// The purge of an entity type whose retention the generator did not write (declared with <c>HasRetention</c>, or whose
/// generated purge no longer fits because the model's fluent configuration added a legal hold or personal properties):
/// the same expressions the generator emits, built from the model's merged metadata once per entity type.
/// </summary>
internal static class ModelRetentionPurge
{
    private const string AnnotationName = "PrivacyEf:ModelRetentionPurge";

    private static readonly MethodInfo CreateMethod = typeof(ModelRetentionPurge).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo SetValueMethod = typeof(ModelRetentionPurge).GetMethod(nameof(SetValue), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The purge of <paramref name="entityType"/>: the generated one when it fits, else one built from the metadata.</summary>
    public static RetentionPurge For(IEntityType entityType, PrivacyEntityMetadata metadata) =>
        metadata.Purge ?? entityType.GetOrAddRuntimeAnnotationValue(
            AnnotationName,
            static state => (RetentionPurge)CreateMethod.MakeGenericMethod(state.EntityType.ClrType).Invoke(null, [state.EntityType, state.Metadata])!,
            (EntityType: entityType, Metadata: metadata));

    private static RetentionPurge<TEntity> Create<TEntity>(IEntityType entityType, PrivacyEntityMetadata metadata)
        where TEntity : class
    {
        var retention = metadata.Retention!;
        var from = retention.FromProperty;
        var fromType = entityType.FindProperty(from)!.ClrType;
        Func<DateTimeOffset, Expression<Func<TEntity, bool>>> expiredBefore = fromType switch
        {
            _ when fromType == typeof(DateTimeOffset) => cutoff => entity => EF.Property<DateTimeOffset>(entity, from) < cutoff,
            _ when fromType == typeof(DateTimeOffset?) => cutoff => entity => EF.Property<DateTimeOffset?>(entity, from) != null && EF.Property<DateTimeOffset?>(entity, from) < cutoff,
            _ when fromType == typeof(DateTime) => cutoff => ExpiredBeforeDateTime<TEntity>(from, cutoff.UtcDateTime),
            _ => cutoff => ExpiredBeforeNullableDateTime<TEntity>(from, cutoff.UtcDateTime),
        };
        Expression<Func<TEntity, bool>>? onLegalHold = metadata.LegalHoldProperty is { } hold ? entity => EF.Property<bool>(entity, hold) : null;
        if (retention.Action != RetentionAction.Anonymize)
        {
            return new RetentionPurge<TEntity>(expiredBefore, onLegalHold, null, null);
        }

        var personal = metadata.Properties.Select(p => (p.Name, entityType.FindProperty(p.Name)?.ClrType, p.Searchable)).ToArray();
        return new RetentionPurge<TEntity>(
            expiredBefore,
            onLegalHold,
            (setters, values) => Anonymize(setters, values, personal),
            entity => EF.Property<DateTimeOffset?>(entity, AnonymizedValues.AnonymizedAtProperty) == null);
    }

    // Captured, so EF sends the cutoff as a parameter (one cached query for every run).
    private static Expression<Func<TEntity, bool>> ExpiredBeforeDateTime<TEntity>(string from, DateTime cutoff)
        where TEntity : class =>
        entity => EF.Property<DateTime>(entity, from) < cutoff;

    private static Expression<Func<TEntity, bool>> ExpiredBeforeNullableDateTime<TEntity>(string from, DateTime cutoff)
        where TEntity : class =>
        entity => EF.Property<DateTime?>(entity, from) != null && EF.Property<DateTime?>(entity, from) < cutoff;

    /// <summary>What the generated <c>Anonymize</c> does: each mapped personal property to its anonymized value, its blind index to null, the stamp.</summary>
    private static void Anonymize<TEntity>(UpdateSettersBuilder<TEntity> setters, AnonymizedValues values, (string Name, Type? ClrType, bool Searchable)[] personal)
        where TEntity : class
    {
        foreach (var (name, clrType, searchable) in personal)
        {
            if (clrType is null)
            {
                continue;
            }

            SetValueMethod.MakeGenericMethod(typeof(TEntity), clrType).Invoke(null, [setters, name, values]);
            var blindIndex = name + "BlindIndex";
            if (searchable && values.IsMapped(blindIndex))
            {
                setters.SetProperty(entity => EF.Property<string?>(entity, blindIndex), entity => (string?)null);
            }
        }

        var anonymizedAt = values.AnonymizedAt;
        setters.SetProperty(entity => EF.Property<DateTimeOffset?>(entity, AnonymizedValues.AnonymizedAtProperty), entity => anonymizedAt);
    }

    private static void SetValue<TEntity, TProperty>(UpdateSettersBuilder<TEntity> setters, string name, AnonymizedValues values)
        where TEntity : class
    {
        var value = values.For<TProperty>(name);
        setters.SetProperty(entity => EF.Property<TProperty>(entity, name), entity => value);
    }
}
