using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// Runs first while a model is finalized: merges each entity type's generated metadata with the model's fluent
/// declarations and stores the result on the entity type (read through <see cref="PrivacyMetadata.Of"/>), so every
/// convention after it, and everything at run time, sees one answer per model.
/// </summary>
internal sealed class PrivacyMetadataConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var model = modelBuilder.Metadata;
        if (EfOwnModels.IsEfOwnModel(model))
        {
            return;
        }

        var merged = new Dictionary<IConventionEntityType, PrivacyEntityMetadata?>();
        var declaring = new List<(IConventionEntityType EntityType, FluentDeclarations Fluent)>();

        // Base types first: a derived type that declares nothing of its own shares its base type's metadata.
        foreach (var entityType in model.GetEntityTypes().OrderBy(e => e.GetAllBaseTypes().Count()).ToList())
        {
            var generated = PrivacyRegistry.Find(entityType.ClrType);
            var fluent = FluentDeclarations.Of(entityType);
            PrivacyEntityMetadata? metadata;
            if (fluent.IsEmpty)
            {
                metadata = generated;
            }
            else if (!fluent.HasOwn && entityType.BaseType is { } baseType && ReferenceEquals(PrivacyRegistry.Find(baseType.ClrType), generated))
            {
                metadata = merged[baseType];
            }
            else
            {
                metadata = PrivacyMetadataMerger.Merge(entityType, generated, fluent);
                FluentDeclarationChecks.Check(entityType, metadata, fluent);
                declaring.Add((entityType, fluent));
            }

            merged[entityType] = metadata;
            PrivacyMetadata.Store(entityType, metadata);
        }

        foreach (var (entityType, fluent) in declaring)
        {
            CheckSubjectKind(entityType, fluent, merged);
        }

        if (declaring.Count > 0)
        {
            CheckOneAnswerPerClass(merged);
        }

        RemoveDeclarations(model);
    }

    /// <summary>A kind of data subject is an entity whose own key is its data subject (the generator's PRIV020).</summary>
    private static void CheckSubjectKind(IConventionEntityType entityType, FluentDeclarations fluent, Dictionary<IConventionEntityType, PrivacyEntityMetadata?> merged)
    {
        if (fluent.DataSubject is not { Kind: { } kind } subject
            || merged.Any(e => e.Key.ClrType == kind && e.Value?.DataSubjectProperty is not null))
        {
            return;
        }

        throw new InvalidOperationException(
            $"PrivacyEf cannot apply the fluent configuration of {entityType.DisplayName()}.{subject.Member}: HasDataSubject links its rows to {kind.Name}, which is no data subject in this model; a kind of data subject is the entity that is the person, whose own key is declared its data subject.");
    }

    /// <summary>
    /// A query sees a CLR type, not an entity type: two entity types of one class (an owned type used twice) configured
    /// differently could not be told apart there, so that is refused.
    /// </summary>
    private static void CheckOneAnswerPerClass(Dictionary<IConventionEntityType, PrivacyEntityMetadata?> merged)
    {
        foreach (var group in merged.GroupBy(e => e.Key.ClrType).Where(g => g.Count() > 1))
        {
            var first = group.First();
            if (group.Skip(1).FirstOrDefault(other => !MetadataEquivalence.Equivalent(first.Value, other.Value)) is { Key: { } other })
            {
                throw new InvalidOperationException(
                    $"PrivacyEf cannot apply the fluent configuration of {group.Key.Name}: the entity types {first.Key.DisplayName()} and {other.DisplayName()} share that class but are configured differently; configure every use of the class alike.");
            }
        }
    }

    private static void RemoveDeclarations(IConventionModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var name in PrivacyAnnotationNames.Declarations)
            {
                entityType.RemoveAnnotation(name);
            }

            foreach (var property in entityType.GetDeclaredProperties())
            {
                property.RemoveAnnotation(PrivacyAnnotationNames.Personal);
                property.RemoveAnnotation(PrivacyAnnotationNames.Purposes);
            }
        }
    }
}
