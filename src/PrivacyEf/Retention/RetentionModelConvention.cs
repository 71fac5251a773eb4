using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>
/// Prepares retained entity types for the purge: entities anonymized on expiry get the shadow
/// <see cref="AnonymizedValues.AnonymizedAtProperty"/> column, and where the dialect asks for it (SQLite) a
/// <c>DateTimeOffset</c> retention date is stored as sortable UTC text, because the database cannot compare EF's
/// default <c>DateTimeOffset</c> text.
/// </summary>
internal sealed class RetentionModelConvention(bool storeDateTimeOffsetAsSortableText) : IModelFinalizingConvention
{
    // EF's own SQLite format for DateTimeOffset, always at offset +00:00: such texts sort as the instants do,
    // and rows EF wrote in UTC before read back unchanged.
    private const string SortableUtcFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().ToList())
        {
            if (PrivacyMetadata.Of(entityType) is not { Retention: { } retention } metadata
                || entityType.IsOwned()
                || (metadata.ClrType != entityType.ClrType && entityType.BaseType is not null))
            {
                continue;
            }

            var mutable = (IMutableEntityType)entityType;
            if (retention.Action == RetentionAction.Anonymize)
            {
                AddAnonymizedAt(mutable);
            }

            if (storeDateTimeOffsetAsSortableText && mutable.FindProperty(retention.FromProperty) is { } from
                && (from.ClrType == typeof(DateTimeOffset) || from.ClrType == typeof(DateTimeOffset?))
                && from.GetValueConverter() is null)
            {
                from.SetValueConverter(new ValueConverter<DateTimeOffset, string>(
                    value => value.ToUniversalTime().ToString(SortableUtcFormat, CultureInfo.InvariantCulture),
                    text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None)));
            }
        }
    }

    private static void AddAnonymizedAt(IMutableEntityType entityType)
    {
        var existing = entityType.FindProperty(AnonymizedValues.AnonymizedAtProperty);
        if (existing is null)
        {
            entityType.AddProperty(AnonymizedValues.AnonymizedAtProperty, typeof(DateTimeOffset?)).IsNullable = true;
        }
        else if (existing.ClrType != typeof(DateTimeOffset?))
        {
            throw new InvalidOperationException(
                $"{entityType.DisplayName()} is anonymized on expiry, and PrivacyEf records when in a property named {AnonymizedValues.AnonymizedAtProperty} of type DateTimeOffset?; the entity's own {AnonymizedValues.AnonymizedAtProperty} is of type {existing.ClrType.Name}. Rename it.");
        }
    }
}
