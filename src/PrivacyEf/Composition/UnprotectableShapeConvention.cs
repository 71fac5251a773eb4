using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Internal;

namespace PrivacyEf.Composition;

/// <summary>
/// Deny by default for model shapes PrivacyEf cannot protect: a complex type (<c>ComplexProperty</c>) whose class has
/// <c>[Personal]</c> properties would be stored, read and exported as plaintext, since encryption, masking, erasure
/// and the purge work on entity types (owned types included). The model is refused when it is built, naming where.
/// </summary>
internal sealed class UnprotectableShapeConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            Refuse(entityType.ClrType.Name, entityType.GetComplexProperties());
        }
    }

    private static void Refuse(string path, IEnumerable<IConventionComplexProperty> complexProperties)
    {
        foreach (var complex in complexProperties)
        {
            var where = $"{path}.{complex.Name}";
            if (PrivacyRegistry.Find(complex.ComplexType.ClrType) is { Properties.Count: > 0 } metadata)
            {
                throw new InvalidOperationException(
                    $"PrivacyEf cannot protect {where}: it is a complex type, and its class {metadata.ClrType.Name} has [Personal] properties ({string.Join(", ", metadata.Properties.Select(p => p.Name))}). "
                    + "Complex types are not yet encrypted, masked, exported or erased, so they would be stored as plaintext. Map it as an owned type (OwnsOne/OwnsMany) or an entity of its own.");
            }

            Refuse(where, complex.ComplexType.GetComplexProperties());
        }
    }
}
