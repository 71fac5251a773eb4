namespace PrivacyEf.Kernel;

/// <summary>What one batch of a keyset walk did.</summary>
/// <typeparam name="TKey">The key the walk is ordered by.</typeparam>
/// <param name="Rows">The rows the batch read or changed (the walk says which).</param>
/// <param name="Next">Where the next batch starts.</param>
/// <param name="IsLast">Whether the walk is complete.</param>
internal readonly record struct KeysetBatch<TKey>(long Rows, KeysetPosition<TKey> Next, bool IsLast);
