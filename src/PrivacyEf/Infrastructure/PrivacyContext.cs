using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyEf.Infrastructure;

/// <summary>Finds the PrivacyEf runtime a context was configured with.</summary>
internal static class PrivacyContext
{
    public static PrivacyRuntime RuntimeOf(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetService<IDbContextOptions>().FindExtension<PrivacyOptionsExtension>()?.Runtime
            ?? throw new InvalidOperationException($"{context.GetType().Name} does not use PrivacyEf: configure it with options.UsePrivacy(serviceProvider).");
    }
}
