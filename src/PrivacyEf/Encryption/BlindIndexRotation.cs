namespace PrivacyEf;

/// <summary>What <c>RotateBlindIndexKeyAsync</c> started.</summary>
/// <param name="KeyId">The new blind-index key.</param>
/// <param name="Generation">Its generation (the first key of a database is generation 1).</param>
/// <param name="WritesMoveAt">
/// When new values start being indexed under it and <c>ReencryptAsync</c> can rebuild the stored indexes:
/// two refresh intervals after the rotation, so that every instance matches the new key in its lookups first.
/// </param>
public sealed record BlindIndexRotation(Guid KeyId, int Generation, DateTimeOffset WritesMoveAt);
