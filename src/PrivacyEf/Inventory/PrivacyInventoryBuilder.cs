using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Inventory;

/// <summary>Builds a <see cref="PrivacyInventory"/> from a model, its privacy metadata and the purposes' descriptions.</summary>
internal static class PrivacyInventoryBuilder
{
    public static PrivacyInventory Build(IModel model, Func<string, string?> describePurpose, IEnumerable<string> configuredPurposes) =>
        Build(model, describePurpose, configuredPurposes, PrivacyMetadata.Of);

    /// <summary>Builds the inventory with metadata from <paramref name="metadataOf"/> rather than the model's.</summary>
    /// <remarks>For tests that describe one model under many declarations, which the registry (rightly) refuses to replace.</remarks>
    public static PrivacyInventory Build(IModel model, Func<string, string?> describePurpose, IEnumerable<string> configuredPurposes, Func<IEntityType, PrivacyEntityMetadata?> metadataOf)
    {
        var entities = new List<InventoryEntity>();
        foreach (var entityType in model.GetEntityTypes().OrderBy(e => e.ClrType.Name, StringComparer.Ordinal))
        {
            if (metadataOf(entityType) is not { } metadata)
            {
                continue;
            }

            var table = entityType.GetTableName();
            var properties = metadata.Properties
                .Where(p => entityType.FindProperty(p.Name) is not null)
                .Select(p => new InventoryProperty(
                    p.Name,
                    table is null ? null : entityType.FindProperty(p.Name)!.GetColumnName(),
                    p.Category,
                    p.Encrypt,
                    p.Searchable,
                    EffectiveMask.Of(p.Mask, p.Category, entityType.FindProperty(p.Name)!.ClrType),
                    p.Redact,
                    metadata.EffectivePurposes(p)))
                .ToList();
            if (properties.Count == 0)
            {
                continue;
            }

            entities.Add(new InventoryEntity(
                metadata.ClrType.Name,
                table,
                metadata.DataSubjectProperty,
                metadata.Retention?.Days,
                metadata.Retention?.FromProperty,
                metadata.Retention?.Action,
                properties));
        }

        var purposeNames = entities.SelectMany(e => e.Properties).SelectMany(p => p.Purposes)
            .Concat(configuredPurposes)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var purposes = purposeNames.Select(name => new InventoryPurpose(name, describePurpose(name), Notice(name, entities))).ToList();
        return new PrivacyInventory(entities, purposes);
    }

    private static string Notice(string purpose, IReadOnlyList<InventoryEntity> entities)
    {
        var parts = new List<string>();
        foreach (var entity in entities)
        {
            var kept = entity.Properties
                .Where(p => p.Purposes.Count == 0 || p.Purposes.Contains(purpose, StringComparer.Ordinal))
                .Select(p => PlainLanguage.Describe(p.Name))
                .ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            var thing = PlainLanguage.Describe(entity.Name);
            var period = entity.RetentionDays is int days && entity.RetentionFrom is { } from
                ? $"until {PlainLanguage.Period(days)} after the {thing} is {PlainLanguage.Describe(from)}, then we {(entity.RetentionAction == RetentionAction.Anonymize ? "anonymize it" : "delete it")}"
                : "for as long as the record exists";
            parts.Add($"your {PlainLanguage.List(kept)} from the {thing} record {period}");
        }

        return parts.Count == 0
            ? $"For {purpose} we keep none of your personal data."
            : $"For {purpose} we keep {PlainLanguage.List(parts)}.";
    }
}
