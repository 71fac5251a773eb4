using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Modeling;

namespace PrivacyEf.Infrastructure;

/// <summary>Runs before EF builds its commands: makes the data key ready for the converters that encrypt.</summary>
internal sealed class PrivacySaveChangesInterceptor(PrivacyRuntime runtime) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && PrivacyModelFacts.For(context.Model).HasEncryptedProperties)
        {
            runtime.KeyRing.PrepareForWriteAsync(context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && PrivacyModelFacts.For(context.Model).HasEncryptedProperties)
        {
            await runtime.KeyRing.PrepareForWriteAsync(context, async: true, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            runtime.KeyRing.CompleteWrite(context);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            runtime.KeyRing.CompleteWrite(context);
        }

        return ValueTask.FromResult(result);
    }
}
