namespace PrivacyEf;

/// <summary>One property's text redacted: where, why, and how many findings of which type. Holds no personal value.</summary>
/// <param name="EntityType">The entity type's name, as in the EF model.</param>
/// <param name="Property">The property whose text was redacted.</param>
/// <param name="Source">Whether the redaction happened on save or while redacting stored history.</param>
/// <param name="FindingCounts">The number of findings per type label (such as <c>CREDIT_CARD</c>).</param>
public sealed record RedactionEvent(string EntityType, string Property, RedactionSource Source, IReadOnlyDictionary<string, int> FindingCounts)
{
    /// <summary>The total number of findings.</summary>
    public int FindingCount => FindingCounts.Values.Sum();
}
