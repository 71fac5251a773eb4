using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Encryption;

/// <summary>Facts about a finished model that interceptors check on every call, computed once per model.</summary>
internal sealed class EncryptionModelFacts
{
    private static readonly ConditionalWeakTable<IModel, EncryptionModelFacts> Cache = [];

    private EncryptionModelFacts(IModel model)
    {
        var searchable = new Dictionary<IEntityType, SearchableColumn[]>();
        var encryptedTypes = new HashSet<IEntityType>();
        foreach (var entityType in model.GetEntityTypes())
        {
            if (PrivacyMetadata.Of(entityType) is not { } metadata)
            {
                continue;
            }

            var encrypted = metadata.Properties.Where(p => p.Encrypt && entityType.FindProperty(p.Name) is not null).ToList();
            if (encrypted.Count > 0)
            {
                encryptedTypes.Add(entityType);
            }

            var columns = encrypted
                .Where(p => p.Searchable && entityType.FindProperty(EncryptionModelConvention.BlindIndexPropertyName(p.Name)) is not null)
                .Select(p => new SearchableColumn(p.Name, EncryptionModelConvention.BlindIndexPropertyName(p.Name)))
                .ToArray();
            if (columns.Length > 0)
            {
                searchable[entityType] = columns;
            }
        }

        Searchable = searchable;
        EncryptedTypes = encryptedTypes;
    }

    public bool HasEncryptedProperties => EncryptedTypes.Count > 0;

    /// <summary>The entity types with encrypted properties.</summary>
    public IReadOnlySet<IEntityType> EncryptedTypes { get; }

    public bool HasSearchableProperties => Searchable.Count > 0;

    /// <summary>The searchable properties of each entity type, with their blind-index shadow properties.</summary>
    public IReadOnlyDictionary<IEntityType, SearchableColumn[]> Searchable { get; }

    public static EncryptionModelFacts For(IModel model) => Cache.GetValue(model, static m => new EncryptionModelFacts(m));
}
