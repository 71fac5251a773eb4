namespace PrivacyEf.Access.Logging;

/// <summary>A disclosure waiting to be written, with the database it belongs in.</summary>
/// <param name="Sink">Where to write it: the database of the context that read.</param>
/// <param name="Actor">The scope's actor.</param>
/// <param name="Purpose">The scope's purpose.</param>
/// <param name="Reason">The reason of a system scope.</param>
/// <param name="Entity">The entity read.</param>
/// <param name="Properties">The properties disclosed.</param>
/// <param name="SubjectIds">The data subjects.</param>
/// <param name="RowCount">The rows disclosed.</param>
/// <param name="OccurredAt">When.</param>
internal sealed record AccessLogRecord(
    AccessLogSink Sink,
    string Actor,
    string Purpose,
    string? Reason,
    string Entity,
    string Properties,
    string SubjectIds,
    int RowCount,
    DateTime OccurredAt);
