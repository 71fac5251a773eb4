using System.Globalization;
using System.Text;

namespace PrivacyEf;

/// <summary>What a run of <c>ReencryptAsync</c> did.</summary>
/// <param name="ActiveKeyId">The data key every processed value is now sealed with.</param>
/// <param name="Entities">Per entity type: rows and batches.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record ReencryptionReport(Guid ActiveKeyId, IReadOnlyList<ReencryptionResult> Entities, TimeSpan Duration)
{
    /// <summary>The generation of the newest blind-index key, when the database has one.</summary>
    public int? BlindIndexKeyGeneration { get; init; }

    /// <summary>
    /// Set during a blind-index key rotation that is too young to rebuild: writes still index under the old
    /// key until this moment; run again after it.
    /// </summary>
    public DateTimeOffset? BlindIndexRebuildDeferredUntil { get; init; }

    /// <summary>
    /// Set when this run rebuilt blind indexes before the old key may be retired (one refresh interval after
    /// writes moved to the new key): run again after this moment to end the rotation.
    /// </summary>
    public DateTimeOffset? BlindIndexRetirementDeferredUntil { get; init; }

    /// <summary>
    /// Set when this run rebuilt blind indexes but found some under the previous key again at the end
    /// (written meanwhile by an instance whose clock runs behind): run again to finish the rotation.
    /// </summary>
    public long? BlindIndexesLeftUnderPreviousKey { get; init; }

    /// <summary>The blind-index key this run retired after rebuilding every index under the newest one, ending a rotation.</summary>
    public Guid? RetiredBlindIndexKeyId { get; init; }

    /// <summary>All rows moved in this run.</summary>
    public long TotalRows => Entities.Sum(e => e.Rows);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Re-encryption to data key {ActiveKeyId:N} took {Duration.TotalSeconds:F1} s");
        foreach (var entity in Entities)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {entity.Entity}: {entity.Rows} rows in {entity.Batches} batches");
        }

        if (BlindIndexRebuildDeferredUntil is { } deferred)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  Blind indexes: rotation to generation {BlindIndexKeyGeneration} under way; rebuild possible from {deferred:u}");
        }

        if (BlindIndexRetirementDeferredUntil is { } retirement)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  Blind indexes: rebuilt under generation {BlindIndexKeyGeneration}; the old key can be retired from {retirement:u}, run again after that");
        }

        if (BlindIndexesLeftUnderPreviousKey is { } left)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  Blind indexes: {left} still under the previous key; run again to finish the rotation");
        }

        if (RetiredBlindIndexKeyId is { } retired)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  Blind indexes: rebuilt under generation {BlindIndexKeyGeneration}; key {retired:N} retired");
        }

        return text.ToString();
    }
}
