using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Encryption;

/// <summary>
/// Computes the blind index of one searchable column: HMAC-SHA256 of the normalized value under a key derived
/// (HKDF) from the blind-index root key and the column, truncated to 128 bits. Per-column keys keep equal
/// values in two columns from matching each other.
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
    // A reference, swapped whole: readers on other threads never see a key id paired with another key's bytes.
    private volatile DerivedKey? derived;

    public BlindIndexer(DataKeyRing keyRing, SearchNormalization normalization, Func<string> describeColumn)
    {
        this.keyRing = keyRing;
        this.normalization = normalization;
        columnBinding = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes("PrivacyEf blind index v1|" + describeColumn()), LazyThreadSafetyMode.PublicationOnly);
    }

    public string Compute(string value)
    {
        if (keyRing.BlindIndexKey is not { } rootKey)
        {
            // No database this application knows holds a blind-index key, so no row has an index to match.
            return NoMatch;
        }

        var columnKey = ColumnKey(rootKey);
        var normalized = normalization switch
        {
            SearchNormalization.Trim => value.Trim(),
            SearchNormalization.CaseInsensitive => value.Trim().ToUpperInvariant(),
            _ => value,
        };

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(columnKey, Encoding.UTF8.GetBytes(normalized), mac);
        return Convert.ToBase64String(mac[..TruncatedBytes]);
    }

    private byte[] ColumnKey(DataKey rootKey)
    {
        if (derived is { } cached && cached.KeyId == rootKey.Id)
        {
            return cached.ColumnKey;
        }

        var columnKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, rootKey.Material.ToArray(), DataKey.KeySizeInBytes, salt: [], info: columnBinding.Value);
        derived = new DerivedKey(rootKey.Id, columnKey);
        return columnKey;
    }

    private sealed record DerivedKey(Guid KeyId, byte[] ColumnKey);
}
