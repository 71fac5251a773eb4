using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>
/// Runs before EF builds its commands: hands the plaintext of changed searchable properties to their
/// blind-index shadow properties, and makes the keys ready for the converters that encrypt and index.
/// </summary>
internal sealed class KeysAndBlindIndexesStage(DataKeyRing keyRing) : ISaveChangesStage
{
    public async ValueTask BeforeSaveAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        // Only a save that seals values needs the keys. Another save (the access log's, a consent) must not wait for
        // the key ring: re-encryption holds it while it waits for the database, which such a save may hold.
        if (EncryptionModelFacts.For(context.Model) is { HasEncryptedProperties: true } facts && SealsValues(context, facts))
        {
            await keyRing.PrepareForWriteAsync(context, facts.HasSearchableProperties, async, cancellationToken).ConfigureAwait(false);
            await FillBlindIndexesAsync(context, facts, async, cancellationToken).ConfigureAwait(false);
        }
    }

    public void AfterSave(DbContext context) => keyRing.CompleteWrite(context);

    private static bool SealsValues(DbContext context, EncryptionModelFacts facts)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && facts.EncryptedTypes.Contains(entry.Metadata))
            {
                return true;
            }
        }

        return false;
    }

    private async Task FillBlindIndexesAsync(DbContext context, EncryptionModelFacts facts, bool async, CancellationToken cancellationToken)
    {
        if (!facts.HasSearchableProperties)
        {
            return;
        }

        var keys = keyRing.BlindIndexKeysForLookup;
        var writeKey = keyRing.WriteKeyOf(keys);
        var otherKey = keys.IsRotating ? (writeKey == keys.Newest ? keys.Previous : keys.Newest) : null;

        // The pipeline has detected the changes for every stage.
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
