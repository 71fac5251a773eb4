using PrivacyEf.Encryption;

namespace PrivacyEf;

/// <summary>A key of the key table, as <c>GetDataKeysAsync</c> describes it (never the key itself).</summary>
/// <param name="Id">The key id.</param>
/// <param name="Kind">What the key is for.</param>
/// <param name="Status">Its life-cycle state.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record DataKeyInfo(Guid Id, DataKeyKind Kind, DataKeyStatus Status, DateTimeOffset CreatedAt);
