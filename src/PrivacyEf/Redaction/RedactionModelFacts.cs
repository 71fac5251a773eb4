using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Redaction;

/// <summary>The string properties marked <c>Redact</c> of each entity type of a model, computed once per model.</summary>
internal sealed class RedactionModelFacts
{
    private static readonly ConditionalWeakTable<IModel, RedactionModelFacts> Cache = [];

    private readonly Dictionary<IReadOnlyEntityType, IProperty[]> properties = [];

    private RedactionModelFacts(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (PrivacyMetadata.Of(entityType) is not { } metadata)
            {
                continue;
            }

            var redacted = metadata.Properties
                .Where(p => p.Redact && p.ClrType == typeof(string))
                .Select(p => entityType.FindProperty(p.Name))
                .OfType<IProperty>()
                .ToArray();
            if (redacted.Length > 0)
            {
                properties[entityType] = redacted;
            }
        }
    }

    public bool IsEmpty => properties.Count == 0;

    public static RedactionModelFacts For(IModel model) => Cache.GetValue(model, static m => new RedactionModelFacts(m));

    public IProperty[] PropertiesOf(IReadOnlyEntityType entityType) => properties.GetValueOrDefault(entityType) ?? [];
}
