using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>
/// Saves in a system scope. PrivacyEf refuses personal writes outside any scope; most tests write as the application's
/// trusted side (seeding, an import, a maintenance job) rather than as a user, which is what a system scope is for.
/// The tests about who may write open their scopes themselves.
/// </summary>
public static class SystemWrites
{
    public const string Seeding = "test: seed the database";

    public static async Task<int> SaveChangesAsSystemAsync(this DbContext context, string reason = Seeding)
    {
        ArgumentNullException.ThrowIfNull(context);
        using (Privacy.System(reason))
        {
            return await context.SaveChangesAsync();
        }
    }

    public static int SaveChangesAsSystem(this DbContext context, string reason = Seeding)
    {
        ArgumentNullException.ThrowIfNull(context);
        using (Privacy.System(reason))
        {
            return context.SaveChanges();
        }
    }
}
