namespace PrivacyEf.Encryption;

/// <summary>
/// The blind-index keys lookups match: the newest and, while a rotation is under way, the one before it.
/// Swapped whole, so a lookup never pairs the newest key of one state with the previous key of another.
/// </summary>
/// <param name="Newest">The key of the highest generation the key table holds as active, if any.</param>
/// <param name="Previous">The active key of the generation before, while rows may still be indexed under it.</param>
/// <param name="NewestAnnouncedAt">When the newest key was written to the key table (its creation time).</param>
/// <param name="Version">Grows by one whenever the keys change; EF's query caches are keyed by it.</param>
internal sealed record BlindIndexKeySet(BlindIndexKey? Newest, BlindIndexKey? Previous, DateTimeOffset NewestAnnouncedAt, long Version)
{
    public static BlindIndexKeySet Empty { get; } = new(null, null, DateTimeOffset.MinValue, 0);

    public bool IsRotating => Previous is not null;

    /// <summary>
    /// When writes move to the newest key. Until then they stay on the previous one, so that every instance
    /// has had a refresh interval (twice, for clock skew) to learn the new key and match it in lookups
    /// before any row is indexed under it.
    /// </summary>
    public DateTimeOffset WritesMoveAt(TimeSpan refreshInterval) =>
        Previous is null ? DateTimeOffset.MinValue : NewestAnnouncedAt + refreshInterval + refreshInterval;

    /// <summary>
    /// When the previous key may be retired: one refresh interval after writes moved, so that an instance whose
    /// clock runs up to an interval behind has stopped writing under it too.
    /// </summary>
    public DateTimeOffset RetirementAllowedAt(TimeSpan refreshInterval) => WritesMoveAt(refreshInterval) + refreshInterval;

    /// <summary>The key a value written now is indexed under.</summary>
    public BlindIndexKey? WriteKey(DateTimeOffset now, TimeSpan refreshInterval) =>
        Previous is not null && now < WritesMoveAt(refreshInterval) ? Previous : Newest;

    public bool SameKeysAs(BlindIndexKey? newest, BlindIndexKey? previous) =>
        Newest?.Key.Id == newest?.Key.Id && Previous?.Key.Id == previous?.Key.Id;
}
