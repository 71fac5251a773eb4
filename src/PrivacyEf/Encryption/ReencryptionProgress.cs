namespace PrivacyEf;

/// <summary>Where <c>ReencryptAsync</c> stands after a batch.</summary>
/// <param name="Entity">The entity type being processed.</param>
/// <param name="Processed">Rows of that entity moved so far in this run.</param>
/// <param name="Total">Rows of that entity that needed moving when the run reached it.</param>
public sealed record ReencryptionProgress(string Entity, long Processed, long Total);
