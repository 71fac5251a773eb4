using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using PrivacyEf.Access;
using PrivacyEf.Encryption;
using PrivacyEf.Kernel;
using PrivacyEf.Retention;

namespace PrivacyEf.Composition;

/// <summary>Installs each capability's model conventions into the convention set of every context that uses PrivacyEf.</summary>
internal sealed class PrivacyConventionSetPlugin(IDbContextOptions options) : IConventionSetPlugin
{
    public ConventionSet ModifyConventions(ConventionSet conventionSet)
    {
        var extension = options.FindExtension<PrivacyOptionsExtension>()
            ?? throw new InvalidOperationException("PrivacyEf's convention plugin runs without PrivacyEf's options extension.");
        var runtime = extension.Runtime;

        // First, so converters are in place before EF picks type mappings for the properties.
        conventionSet.ModelFinalizingConventions.Insert(0, new AccessModelConvention(runtime.Options.Access));
        conventionSet.ModelFinalizingConventions.Insert(0, new EncryptionModelConvention(runtime.KeyRing, runtime.Options.Encryption));
        var dialect = runtime.Kernel.Get<SqlDialects>().Find(options);
        conventionSet.ModelFinalizingConventions.Insert(0, new RetentionModelConvention(dialect?.StoresDateTimeOffsetAsSortableText ?? false));

        // Before every other: the conventions above, and all of run time, read the metadata it merges.
        conventionSet.ModelFinalizingConventions.Insert(0, new PrivacyMetadataConvention());

        // Before that: libraries' declarations (defaults for the types they map) join the application's.
        conventionSet.ModelFinalizingConventions.Insert(0, new LibraryDeclarationsConvention(runtime.Options.ModelDeclarations));
        conventionSet.ModelFinalizedConventions.Insert(0, new PrivacyMetadataSealConvention());
        conventionSet.ModelFinalizingConventions.Add(new BlindIndexPlacementConvention());
        conventionSet.ModelFinalizingConventions.Add(new UnprotectableShapeConvention());
        return conventionSet;
    }
}
