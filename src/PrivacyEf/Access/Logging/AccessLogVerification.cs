namespace PrivacyEf;

/// <summary>The outcome of <c>VerifyAccessLogAsync</c>.</summary>
/// <param name="IsIntact">Whether every entry is unaltered and chained to the one before, with no entry missing.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBadSequence">The sequence at which the chain first breaks; null when intact.</param>
/// <param name="Problem">What is wrong there; null when intact.</param>
/// <param name="HeadSequence">The last entry's sequence (0 for an empty log).</param>
/// <param name="HeadHash">
/// The last entry's hash. The chain shows tampering inside the log; keeping this verification somewhere else and passing
/// it back as the anchor of a later one also shows entries cut off the end, or a chain recomputed from before the head.
/// </param>
public sealed record AccessLogVerification(
    bool IsIntact,
    int EntriesChecked,
    long? FirstBadSequence,
    string? Problem,
    long HeadSequence,
    string HeadHash);
