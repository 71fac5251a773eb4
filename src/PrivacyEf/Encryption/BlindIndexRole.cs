namespace PrivacyEf.Encryption;

/// <summary>Which of the matched blind-index keys one side of a lookup computes its index with.</summary>
internal enum BlindIndexRole
{
    /// <summary>The newest key.</summary>
    NewestKey,

    /// <summary>The key before it, while a rotation is under way; otherwise the lookup side matches nothing.</summary>
    PreviousKey,
}
