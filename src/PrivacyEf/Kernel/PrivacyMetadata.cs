using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Kernel;

namespace PrivacyEf.Internal;

/// <summary>
/// The privacy metadata of an entity type in one model: what its attributes (the generated registry) and the model's
/// fluent declarations say together. Every runtime lookup goes through here, never through the CLR type alone, so a
/// fluent declaration in one context's model does not change another context's model of the same class.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PrivacyMetadata
{
    // Stored for an entity type with no metadata, so "none in this model" is told apart from "not merged".
    private static readonly object None = new();

    // While a model is finalized it is mutable, and EF allows runtime annotations only on read-only models: the merged
    // metadata waits here (dropped with the model) until the model is read-only, then moves into runtime annotations,
    // which EF copies into the runtime model. A regular annotation would not do: migrations would try to write it
    // into the model snapshot.
    private static readonly ConditionalWeakTable<IReadOnlyEntityType, object> Pending = [];

    /// <summary>The metadata of an entity type.</summary>
    /// <param name="entityType">An entity type of a model.</param>
    /// <returns>The metadata, or null when the entity type has no personal data, subject link, retention or hold.</returns>
    /// <remarks>
    /// A model PrivacyEf did not finalize (or an entity type added after it merged) has only its attributes: the
    /// generated metadata of its class.
    /// </remarks>
    public static PrivacyEntityMetadata? Of(IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (entityType is IAnnotatable annotatable && annotatable.FindRuntimeAnnotation(PrivacyAnnotationNames.Metadata) is { } merged)
        {
            return merged.Value as PrivacyEntityMetadata;
        }

        return Pending.TryGetValue(entityType, out var pending) ? pending as PrivacyEntityMetadata : PrivacyRegistry.Find(entityType.ClrType);
    }

    /// <summary>
    /// The metadata of the entity type a query's expression of type <paramref name="clrType"/> reads, in
    /// <paramref name="model"/>; for a class the model does not map, its generated metadata.
    /// </summary>
    /// <param name="model">The model the query runs against.</param>
    /// <param name="clrType">The CLR type of the instance read.</param>
    /// <returns>The metadata, or null.</returns>
    public static PrivacyEntityMetadata? Find(IReadOnlyModel model, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clrType);

        // Every entity type of one CLR type has the same metadata (checked when the model is finalized), so any one tells.
        var entityType = model.FindEntityType(clrType) ?? model.GetEntityTypes().FirstOrDefault(e => e.ClrType == clrType);
        return entityType is not null ? Of(entityType) : PrivacyRegistry.Find(clrType);
    }

    /// <summary>Stores the merged metadata of an entity type while its model is finalized.</summary>
    internal static void Store(IReadOnlyEntityType entityType, PrivacyEntityMetadata? metadata) =>
        Pending.AddOrUpdate(entityType, metadata ?? None);

    /// <summary>Moves the merged metadata of a finalized (read-only) model into runtime annotations.</summary>
    internal static void Seal(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (Pending.TryGetValue(entityType, out var pending))
            {
                entityType.SetRuntimeAnnotation(PrivacyAnnotationNames.Metadata, pending);
            }
        }
    }
}
