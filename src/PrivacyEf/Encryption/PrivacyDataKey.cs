namespace PrivacyEf.Encryption;

/// <summary>
/// A row of the key table: one 256-bit data key, wrapped by the application's ASP.NET Core Data Protection
/// key ring. The table lives in the same database as the data it protects, so a database and its key
/// ring are enough to read it, and a stolen database alone is not.
/// </summary>
public sealed class PrivacyDataKey
{
    /// <summary>The key id as 32 lower-case hex digits; the same id is written into every envelope.</summary>
    public string Id { get; set; } = "";

    /// <summary>The key bytes, protected by Data Protection, in base64.</summary>
    public string WrappedKey { get; set; } = "";

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The key's life-cycle state.</summary>
    public DataKeyStatus Status { get; set; }

    /// <summary>What the key is for.</summary>
    public DataKeyKind Kind { get; set; }
}
