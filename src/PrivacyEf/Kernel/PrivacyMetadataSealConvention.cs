using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>
/// Runs when a model is finalized and read-only, before EF copies it into its runtime model: the merged metadata of
/// <see cref="PrivacyMetadataConvention"/> becomes runtime annotations, which the runtime model keeps.
/// </summary>
internal sealed class PrivacyMetadataSealConvention : IModelFinalizedConvention
{
    public IModel ProcessModelFinalized(IModel model)
    {
        PrivacyMetadata.Seal(model);
        return model;
    }
}
