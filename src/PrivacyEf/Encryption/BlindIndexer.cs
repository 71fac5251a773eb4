using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Encryption;

/// <summary>
/// Computes the blind index of one searchable column: HMAC-SHA256 of the normalized value under a key derived
/// (HKDF) from a blind-index root key and the column, truncated to 128 bits. Per-column keys keep equal
/// values in two columns from matching each other. Indexes under a rotated-in root key carry its tag
/// (see <see cref="BlindIndexKey.Tag"/>) in place of the base64 padding, so they stay 24 characters.
/// </summary>
internal sealed class BlindIndexer
{
    /// <summary>Never the output of <see cref="Compute"/> (which is 24 base64 characters): matches no row.</summary>
    public const string NoMatch = "-";

    public const int StoredLength = 24;

    private const int TruncatedBytes = 16;

    private readonly DataKeyRing keyRing;
    private readonly SearchNormalization normalization;
    private readonly Lazy<byte[]> columnBinding;
    // Swapped whole: readers on other threads never see a key id paired with another key's bytes. Two at
    // most are in use at once (the newest and the previous root key).
    private volatile DerivedKey[] derived = [];

    public BlindIndexer(DataKeyRing keyRing, SearchNormalization normalization, Func<string> describeColumn)
    {
        this.keyRing = keyRing;
        this.normalization = normalization;
        columnBinding = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes("PrivacyEf blind index v1|" + describeColumn()), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The index one side of a lookup compares with; <see cref="NoMatch"/> when that side has no key.</summary>
    public string ComputeForLookup(BlindIndexRole role, string value)
    {
        var keys = keyRing.BlindIndexKeysForLookup;
        var key = role switch
        {
            BlindIndexRole.NewestKey => keys.Newest,
            BlindIndexRole.WriteKey => keyRing.WriteKeyOf(keys),
            _ => keys.Previous,
        };

        // No key means no row is indexed under it, so this side of the lookup matches nothing.
        return key is null ? NoMatch : Compute(key, value);
    }

    public string Compute(BlindIndexKey rootKey, string value)
    {
        var columnKey = ColumnKey(rootKey.Key);
        var normalized = normalization switch
        {
            SearchNormalization.Trim => value.Trim(),
            SearchNormalization.CaseInsensitive => value.Trim().ToUpperInvariant(),
            _ => value,
        };

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(columnKey, Encoding.UTF8.GetBytes(normalized), mac);
        var encoded = Convert.ToBase64String(mac[..TruncatedBytes]);
        return rootKey.Tag is { } tag ? string.Concat(tag, encoded.AsSpan(0, StoredLength - tag.Length)) : encoded;
    }

    private byte[] ColumnKey(DataKey rootKey)
    {
        var known = derived;
        foreach (var entry in known)
        {
            if (entry.KeyId == rootKey.Id)
            {
                return entry.ColumnKey;
            }
        }

        var columnKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, rootKey.Material.ToArray(), DataKey.KeySizeInBytes, salt: [], info: columnBinding.Value);
        derived = [new DerivedKey(rootKey.Id, columnKey), .. known.Take(1)];
        return columnKey;
    }

    private sealed record DerivedKey(Guid KeyId, byte[] ColumnKey);
}
