namespace PrivacyEf;

/// <summary>What a key of the key table is for.</summary>
public enum DataKeyKind
{
    /// <summary>Encrypts column values (AES-256-GCM).</summary>
    Data = 0,

    /// <summary>The root of the per-column keys of blind indexes (HMAC-SHA256); never encrypts values.</summary>
    BlindIndex = 1,
}
