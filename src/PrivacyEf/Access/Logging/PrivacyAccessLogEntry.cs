namespace PrivacyEf.Access.Logging;

/// <summary>
/// One row of the access log: who read which personal properties of which entity, for whom and why. It holds no
/// personal values, only their names and the data subjects' ids. Each row is chained to the one before by
/// <see cref="Hash"/>, so an edited, inserted or deleted row is detected by <c>VerifyAccessLogAsync</c>.
/// </summary>
public sealed class PrivacyAccessLogEntry
{
    /// <summary>The position in the chain, from 1 without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When the disclosure was logged (UTC, whole microseconds).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Who read: the scope's actor.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The scope's purpose.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The reason of a system scope; null otherwise.</summary>
    public string? Reason { get; set; }

    /// <summary>The entity type read.</summary>
    public string Entity { get; set; } = "";

    /// <summary>The personal properties disclosed, comma-separated.</summary>
    public string Properties { get; set; } = "";

    /// <summary>
    /// The kind of data subject whose rows were read (the class name of the entity that is the person), empty in a
    /// model without such an entity; null when the entity read links no rows to a subject.
    /// </summary>
    public string? SubjectKind { get; set; }

    /// <summary>The data subjects whose data was disclosed, comma-separated; empty when the reads carried no subject id.</summary>
    public string SubjectIds { get; set; } = "";

    /// <summary>How many rows were disclosed.</summary>
    public int RowCount { get; set; }

    /// <summary>On an entry written by a purge of the log: the highest sequence the purge removed.</summary>
    public long? PurgedThrough { get; set; }

    /// <summary>The hash of the entry before, or 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 over <see cref="PreviousHash"/> and this entry's canonical form, in lowercase hex.</summary>
    public string Hash { get; set; } = "";
}
