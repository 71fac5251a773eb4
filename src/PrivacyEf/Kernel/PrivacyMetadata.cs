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
    /// The metadata that governs <paramref name="propertyName"/> read from an instance of <paramref name="clrType"/> in
    /// a query against <paramref name="model"/>: that of the entity type the model maps the class to; for a class the
    /// model does not map, its generated metadata, else that of a mapped type derived from it (or implementing it) that
    /// declares the property personal.
    /// </summary>
    /// <param name="model">The model the query runs against.</param>
    /// <param name="clrType">The CLR type of the instance read.</param>
    /// <param name="propertyName">The property read.</param>
    /// <returns>The metadata, or null.</returns>
    public static PrivacyEntityMetadata? Find(IReadOnlyModel model, Type clrType, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clrType);

        // Every entity type of one CLR type has the same metadata (checked when the model is finalized), so any one tells.
        var entityType = model.FindEntityType(clrType) ?? model.GetEntityTypes().FirstOrDefault(e => e.ClrType == clrType);
        if (entityType is not null)
        {
            return Of(entityType);
        }

        // A base class or interface a query reads mapped entities through (u => ((IdentityUser)u).Email): the values
        // come from the mapped types, so their declarations count, or a cast would read around them.
        return PrivacyRegistry.Find(clrType)
            ?? (clrType == typeof(object)
                ? null
                : model.GetEntityTypes()
                    .Where(e => clrType.IsAssignableFrom(e.ClrType))
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .Select(Of)
                    .FirstOrDefault(metadata => metadata?.FindProperty(propertyName) is not null));
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
