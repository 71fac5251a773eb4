namespace PrivacyEf;

/// <summary>When a query's access log entries are written, relative to the query's results reaching the caller.</summary>
public enum AccessLogDurability
{
    /// <summary>
    /// The entries are queued and written in batches by a background writer, off the query's path. A crash loses at
    /// most what is queued (see <see cref="PrivacyOptions.AccessLogQueueCapacity"/>) plus the batch being written.
    /// </summary>
    Asynchronous = 0,

    /// <summary>
    /// The entries are written, and committed, before a buffered query (<c>ToList</c>, <c>First</c>, ...) returns its
    /// results; a failure to write them fails the query. Costs one write transaction per query.
    /// </summary>
    Synchronous = 1,
}
