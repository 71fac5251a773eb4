using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>Adds the consent table and the access log table to every model of a context that uses PrivacyEf.</summary>
internal sealed class AccessModelConvention(AccessOptions options) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var model = (IMutableModel)modelBuilder.Metadata;
        if (!EfOwnModels.IsEfOwnModel(model))
        {
            AccessModel.AddTables(model, options);
        }
    }
}
