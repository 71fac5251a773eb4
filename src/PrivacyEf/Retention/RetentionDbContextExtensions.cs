using PrivacyEf.Retention;

using PrivacyEf;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Runs PrivacyEf's retention purge on a context.</summary>
public static class RetentionDbContextExtensions
{
    /// <summary>
    /// Deletes or anonymizes every row whose retention period (<see cref="PrivacyEf.RetainAttribute"/>) has ended,
    /// for every retained entity type of the context's model, in batches of one transaction each, skipping and
    /// counting rows under legal hold.
    /// </summary>
    /// <param name="context">The context whose database is purged.</param>
    /// <param name="options">How to run; default: batches of 1000, now from the application's clock.</param>
    /// <param name="cancellationToken">Stops the purge; finished batches stay done, the current one rolls back.</param>
    /// <returns>What the purge did, entity by entity.</returns>
    public static Task<PurgeReport> PurgeExpiredAsync(this DbContext context, PurgeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PurgeRunner.RunAsync(context, options ?? new PurgeOptions(), cancellationToken);
    }
}
