using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Modeling;

namespace PrivacyEf.Infrastructure;

/// <summary>
/// Runs before EF builds its commands: hands the plaintext of changed searchable properties to their
/// blind-index shadow properties, and makes the keys ready for the converters that encrypt and index.
/// </summary>
internal sealed class PrivacySaveChangesInterceptor(PrivacyRuntime runtime) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && PrivacyModelFacts.For(context.Model) is { HasEncryptedProperties: true } facts)
        {
            FillBlindIndexes(context, facts);
            runtime.KeyRing.PrepareForWriteAsync(context, facts.HasSearchableProperties, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && PrivacyModelFacts.For(context.Model) is { HasEncryptedProperties: true } facts)
        {
            FillBlindIndexes(context, facts);
            await runtime.KeyRing.PrepareForWriteAsync(context, facts.HasSearchableProperties, async: true, cancellationToken).ConfigureAwait(false);
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

    private static void FillBlindIndexes(DbContext context, PrivacyModelFacts facts)
    {
        if (!facts.HasSearchableProperties)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !facts.Searchable.TryGetValue(entry.Metadata, out var columns))
            {
                continue;
            }

            foreach (var column in columns)
            {
                var property = entry.Property(column.Property);
                if (entry.State == EntityState.Added || property.IsModified)
                {
                    // The shadow holds the plaintext only until its converter turns it into the index.
                    entry.Property(column.BlindIndexProperty).CurrentValue = property.CurrentValue;
                }
            }
        }
    }
}
