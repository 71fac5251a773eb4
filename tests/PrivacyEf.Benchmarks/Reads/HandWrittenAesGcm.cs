using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Benchmarks.Reads;

/// <summary>
/// The floor PrivacyEf's encryption is measured against: AES-256-GCM as an application would write it by hand, with one
/// cached key, one <see cref="AesGcm"/> per thread, and nonce || tag || ciphertext stored as base64. No key id, no
/// column binding, no format version: what is left of PrivacyEf's cost above this is what those features cost.
/// </summary>
public static class HandWrittenAesGcm
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [ThreadStatic]
    private static AesGcm? threadCipher;

    private static AesGcm Cipher => threadCipher ??= new AesGcm(Key, TagSize);

    public static string Encrypt(string value)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Cipher.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(sealedValue);
    }

    public static string Decrypt(string stored)
    {
        var sealedValue = Convert.FromBase64String(stored);
        var plaintext = new byte[sealedValue.Length - NonceSize - TagSize];
        Cipher.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }
}
