using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>Runs the batches of one entity type's purge; typed by the key in <see cref="KeyedPurgeBatches{TEntity, TKey}"/>.</summary>
internal abstract class EntityPurgeBatches<TEntity>
    where TEntity : class
{
    public abstract Task<PurgeEntityReport> RunAsync(PurgeRun run, IEntityType entityType, RetentionMetadata retention, CancellationToken cancellationToken);
}
