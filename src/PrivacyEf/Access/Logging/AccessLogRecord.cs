namespace PrivacyEf.Access.Logging;

/// <summary>A disclosure waiting to be written, with the database it belongs in.</summary>
/// <param name="Sink">Where to write it: the database of the context that read.</param>
/// <param name="Actor">The scope's actor.</param>
/// <param name="Purpose">The scope's purpose.</param>
/// <param name="Reason">The reason of a system scope.</param>
/// <param name="Entity">The entity read.</param>
/// <param name="Disclosed">What was disclosed; formatted by the writer, off the query's path.</param>
/// <param name="OccurredAt">When.</param>
internal sealed record AccessLogRecord(
    AccessLogSink Sink,
    string Actor,
    string Purpose,
    string? Reason,
    string Entity,
    DisclosureAggregate Disclosed,
    DateTime OccurredAt);
