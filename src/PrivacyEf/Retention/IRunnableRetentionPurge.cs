using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;

namespace PrivacyEf.Retention;

/// <summary>
/// What the purge runs of a generated <see cref="RetentionPurge"/>: the kernel holds the purge as metadata, the
/// retention capability knows how to run it.
/// </summary>
internal interface IRunnableRetentionPurge
{
    Task<PurgeEntityReport> RunAsync(PurgeRun run, IEntityType entityType, RetentionMetadata retention, CancellationToken cancellationToken);
}
