namespace PrivacyEf.Kernel;

/// <summary>Where a keyset walk stands: before the first row, or after the row with <see cref="Key"/>.</summary>
/// <typeparam name="TKey">The key the walk is ordered by.</typeparam>
/// <param name="HasKey">False before the first row.</param>
/// <param name="Key">The last key processed, when <paramref name="HasKey"/>.</param>
internal readonly record struct KeysetPosition<TKey>(bool HasKey, TKey Key)
{
    /// <summary>Before the first row.</summary>
    public static KeysetPosition<TKey> Start => new(false, default!);

    /// <summary>After the row with <paramref name="key"/>.</summary>
    /// <param name="key">The last key processed.</param>
    /// <returns>The position.</returns>
    public static KeysetPosition<TKey> After(TKey key) => new(true, key);
}
