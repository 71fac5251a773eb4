using PrivacyEf.Internal;

namespace PrivacyEf.Kernel;

/// <summary>Whether two metadata say the same thing (their lists compared by content, which records do not do).</summary>
internal static class MetadataEquivalence
{
    public static bool Equivalent(PrivacyEntityMetadata? a, PrivacyEntityMetadata? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        return a is not null && b is not null
            && a.Purposes.SequenceEqual(b.Purposes, StringComparer.Ordinal)
            && Equals(a.Retention, b.Retention)
            && string.Equals(a.DataSubjectProperty, b.DataSubjectProperty, StringComparison.Ordinal)
            && a.DataSubjectKind == b.DataSubjectKind
            && string.Equals(a.LegalHoldProperty, b.LegalHoldProperty, StringComparison.Ordinal)
            && a.Properties.Count == b.Properties.Count
            && a.Properties.Zip(b.Properties).All(pair => Equivalent(pair.First, pair.Second));
    }

    private static bool Equivalent(PrivacyPropertyMetadata a, PrivacyPropertyMetadata b) =>
        a with { Purposes = b.Purposes } == b && a.Purposes.SequenceEqual(b.Purposes, StringComparer.Ordinal);
}
