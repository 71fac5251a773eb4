namespace PrivacyEf.Encryption;

/// <summary>Which of the matched blind-index keys one side of a lookup computes its index with.</summary>
internal enum BlindIndexRole
{
    /// <summary>The newest key.</summary>
    NewestKey,

    /// <summary>
    /// The key values are written under now: the only one a lookup needs outside a rotation. Unlike the newest
    /// key, it stays on the old key when a rotation starts, until rows are written under the new one.
    /// </summary>
    WriteKey,

    /// <summary>The key before it, while a rotation is under way; otherwise the lookup side matches nothing.</summary>
    PreviousKey,
}
