using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// Runs the declarations a library contributes for the types it maps (<c>PrivacyOptions.DeclareModel</c>) just before
/// <see cref="PrivacyMetadataConvention"/> reads the model's declarations. They are defaults: a property or entity type
/// the application declared itself, by attribute or in <c>OnModelCreating</c>, keeps the application's declaration, so a
/// library can never weaken (nor trip the strengthen-only check on) what the application said.
/// </summary>
internal sealed class LibraryDeclarationsConvention(IReadOnlyList<Action<IMutableModel>> declarations) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var model = modelBuilder.Metadata;
        if (declarations.Count == 0 || EfOwnModels.IsEfOwnModel(model))
        {
            return;
        }

        var before = Snapshot(model);
        foreach (var declare in declarations)
        {
            declare((IMutableModel)model);
        }

        foreach (var entityType in model.GetEntityTypes())
        {
            var generated = PrivacyRegistry.Find(entityType.ClrType);
            if (before.TryGetValue(entityType, out var own) || generated?.DataSubjectProperty is not null)
            {
                Restore(entityType, PrivacyAnnotationNames.DataSubject, own);
            }

            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (before.TryGetValue(property, out var declared) || generated?.FindProperty(property.Name) is not null)
                {
                    Restore(property, PrivacyAnnotationNames.Personal, declared);
                }
            }
        }
    }

    /// <summary>What the application declared before the libraries ran: the data subject of types, the personal properties.</summary>
    private static Dictionary<IConventionAnnotatable, object?> Snapshot(IConventionModel model)
    {
        var declared = new Dictionary<IConventionAnnotatable, object?>();
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.FindAnnotation(PrivacyAnnotationNames.DataSubject) is { } subject)
            {
                declared[entityType] = subject.Value;
            }

            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.FindAnnotation(PrivacyAnnotationNames.Personal) is { } personal)
                {
                    declared[property] = personal.Value;
                }
            }
        }

        return declared;
    }

    private static void Restore(IConventionAnnotatable annotatable, string name, object? value)
    {
        if (value is null)
        {
            annotatable.RemoveAnnotation(name);
        }
        else
        {
            annotatable.SetAnnotation(name, value);
        }
    }
}
