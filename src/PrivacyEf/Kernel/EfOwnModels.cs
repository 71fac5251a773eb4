using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Kernel;

/// <summary>
/// EF builds small models of its own with the application's conventions (the migrations history table). PrivacyEf
/// adds none of its tables to those, or every migration script would create them.
/// </summary>
internal static class EfOwnModels
{
    public static bool IsEfOwnModel(IReadOnlyModel model) =>
        model.GetEntityTypes().All(e => e.ClrType.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true);
}
