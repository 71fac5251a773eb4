using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Internal;

namespace PrivacyEf.Encryption;

/// <summary>
/// Runs last while the model is finalized: moves indexes that conventions running after
/// <see cref="EncryptionModelConvention"/> (such as <c>[Index]</c>) put on a searchable column to its blind index.
/// </summary>
internal sealed class BlindIndexPlacementConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Cast<IMutableEntityType>().ToList())
        {
            if (PrivacyMetadata.Of(entityType) is not { } metadata)
            {
                continue;
            }

            foreach (var searchable in metadata.Properties.Where(p => p.Encrypt && p.Searchable))
            {
                if (entityType.FindProperty(searchable.Name) is { } property
                    && entityType.FindProperty(EncryptionModelConvention.BlindIndexPropertyName(searchable.Name)) is { } shadow)
                {
                    EncryptionModelConvention.MoveIndexesToBlindIndex(entityType, property, shadow);
                }
            }
        }
    }
}
