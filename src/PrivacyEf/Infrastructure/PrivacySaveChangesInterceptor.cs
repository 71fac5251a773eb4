using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Encryption;
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
            runtime.KeyRing.PrepareForWriteAsync(context, facts.HasSearchableProperties, async: false, CancellationToken.None).GetAwaiter().GetResult();
            FillBlindIndexesAsync(context, facts, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && PrivacyModelFacts.For(context.Model) is { HasEncryptedProperties: true } facts)
        {
            await runtime.KeyRing.PrepareForWriteAsync(context, facts.HasSearchableProperties, async: true, cancellationToken).ConfigureAwait(false);
            await FillBlindIndexesAsync(context, facts, async: true, cancellationToken).ConfigureAwait(false);
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

    private async Task FillBlindIndexesAsync(DbContext context, PrivacyModelFacts facts, bool async, CancellationToken cancellationToken)
    {
        if (!facts.HasSearchableProperties)
        {
            return;
        }

        var keys = runtime.KeyRing.BlindIndexKeysForLookup;
        var writeKey = runtime.KeyRing.WriteKeyOf(keys);
        var otherKey = keys.IsRotating ? (writeKey == keys.Newest ? keys.Previous : keys.Newest) : null;

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
                    // Indexed under the blind-index key of the moment (PrepareForWrite has just refreshed it).
                    var index = entry.Property(column.BlindIndexProperty);
                    var indexer = ((BlindIndexConverter)index.Metadata.GetValueConverter()!).Indexer;
                    var value = property.CurrentValue as string;
                    index.CurrentValue = value is null || writeKey is null ? null : indexer.Compute(writeKey, value);
                    if (value is not null && otherKey is not null && context.Database.IsRelational() && BlindIndexUniquenessCheck.Applies(index.Metadata) && !BlindIndexUniquenessCheck.IsSuspendedFor(context))
                    {
                        await BlindIndexUniquenessCheck.EnsureNoTwinAsync(context, entry, index.Metadata, column.Property, indexer.Compute(otherKey, value), async, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
