using System.ComponentModel;
using System.Collections.Concurrent;

namespace PrivacyEf.Internal;

/// <summary>
/// The metadata of every annotated entity in the loaded assemblies. Generated module initializers fill it,
/// so it is complete before any code of the assembly runs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PrivacyRegistry
{
    private static readonly ConcurrentDictionary<Type, PrivacyEntityMetadata> Entities = new();

    /// <summary>Registers an entity's metadata. Called by generated module initializers.</summary>
    /// <param name="metadata">The metadata to register.</param>
    /// <exception cref="InvalidOperationException">Other metadata is already registered for the entity.</exception>
    public static void Register(PrivacyEntityMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);

        // Registered once, by the generated code of the entity's assembly: nothing may replace (and so weaken) it later.
        var registered = Entities.GetOrAdd(metadata.ClrType, metadata);
        if (!ReferenceEquals(registered, metadata))
        {
            throw new InvalidOperationException(
                $"PrivacyEf metadata for {metadata.ClrType.FullName} is already registered; an entity's privacy metadata comes from its annotations, once, and cannot be replaced.");
        }
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
