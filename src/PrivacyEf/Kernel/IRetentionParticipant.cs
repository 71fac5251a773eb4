using Microsoft.EntityFrameworkCore;

namespace PrivacyEf;

/// <summary>
/// Something besides annotated entities whose old rows the purge removes (the access log, for one). Register
/// implementations in the application's services; every <c>PurgeExpiredAsync</c> run on a context created by
/// that application's DI calls each one after the entity types, and adds its report to the run's.
/// </summary>
public interface IRetentionParticipant
{
    /// <summary>The type of the rows it purges, which <see cref="PurgeOptions.EntityFilter"/> is asked about.</summary>
    Type EntityType { get; }

    /// <summary>Purges this participant's expired rows.</summary>
    /// <param name="context">The context the purge runs on.</param>
    /// <param name="request">The run's moment and options.</param>
    /// <param name="cancellationToken">Stops the purge between batches.</param>
    /// <returns>What was purged, in the report's terms.</returns>
    Task<PurgeEntityReport> PurgeAsync(DbContext context, RetentionRequest request, CancellationToken cancellationToken);
}
