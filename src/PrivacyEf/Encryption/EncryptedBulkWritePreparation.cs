using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>Readies the active data key for set-based writes through encrypting converters.</summary>
internal sealed class EncryptedBulkWritePreparation(DataKeyRing keyRing) : IBulkWritePreparation
{
    public async Task PrepareAsync(DbContext context, CancellationToken cancellationToken)
    {
        await keyRing.PrepareForWriteAsync(context, needsBlindIndexKey: false, async: true, cancellationToken).ConfigureAwait(false);
        if (context.ChangeTracker.HasChanges())
        {
            // A provider without "insert if absent" gets the key row through the change tracker.
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
