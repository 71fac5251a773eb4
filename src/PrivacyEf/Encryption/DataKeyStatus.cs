namespace PrivacyEf;

/// <summary>The life-cycle state of a data key.</summary>
public enum DataKeyStatus
{
    /// <summary>New values are encrypted with this key.</summary>
    Active = 0,

    /// <summary>The key only decrypts existing values; a newer key is active.</summary>
    DecryptOnly = 1,

    /// <summary>No row uses the key any more; it is kept only as a record.</summary>
    Retired = 2,
}
