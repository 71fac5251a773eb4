using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using PrivacyEf.Infrastructure;

namespace PrivacyEf.Modeling;

/// <summary>Installs <see cref="PrivacyModelConvention"/> into the convention set of every context that uses PrivacyEf.</summary>
internal sealed class PrivacyConventionSetPlugin(IDbContextOptions options) : IConventionSetPlugin
{
    public ConventionSet ModifyConventions(ConventionSet conventionSet)
    {
        var extension = options.FindExtension<PrivacyOptionsExtension>()
            ?? throw new InvalidOperationException("PrivacyEf's convention plugin runs without PrivacyEf's options extension.");
        var convention = new PrivacyModelConvention(extension.Runtime);

        // First, so converters are in place before EF picks type mappings for the properties.
        conventionSet.ModelFinalizingConventions.Insert(0, convention);
        conventionSet.ModelFinalizingConventions.Insert(0, new Retention.RetentionModelConvention(IsSqlite(options)));
        conventionSet.ModelFinalizingConventions.Add(new BlindIndexPlacementConvention());
        return conventionSet;
    }

    private static bool IsSqlite(IDbContextOptions options) =>
        options.Extensions.Any(e => e.Info.IsDatabaseProvider && e.GetType().FullName == "Microsoft.EntityFrameworkCore.Sqlite.Infrastructure.Internal.SqliteOptionsExtension");
}
