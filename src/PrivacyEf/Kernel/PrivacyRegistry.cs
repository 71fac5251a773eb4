using System.Collections.Concurrent;

namespace PrivacyEf.Internal;

/// <summary>
/// The metadata of every annotated entity in the loaded assemblies. Generated module initializers fill it,
/// so it is complete before any code of the assembly runs.
/// </summary>
public static class PrivacyRegistry
{
    private static readonly ConcurrentDictionary<Type, PrivacyEntityMetadata> Entities = new();

    /// <summary>Registers an entity's metadata. Called by generated module initializers.</summary>
    /// <param name="metadata">The metadata to register.</param>
    public static void Register(PrivacyEntityMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Entities[metadata.ClrType] = metadata;
    }

    /// <summary>Finds the metadata of an entity type (or of the nearest annotated base type).</summary>
    /// <param name="clrType">The entity's CLR type.</param>
    /// <returns>The metadata, or null when the type has no PrivacyEf annotations.</returns>
    public static PrivacyEntityMetadata? Find(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        for (var type = clrType; type is not null && type != typeof(object); type = type.BaseType)
        {
            if (Entities.TryGetValue(type, out var metadata))
            {
                return metadata;
            }
        }

        return null;
    }

    /// <summary>All registered entities.</summary>
    public static IReadOnlyCollection<PrivacyEntityMetadata> All => Entities.Values.ToArray();
}
