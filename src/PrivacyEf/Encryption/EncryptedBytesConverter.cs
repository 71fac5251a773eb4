using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyEf.Encryption;

/// <summary>Stores a byte-array property as a binary AES-256-GCM envelope; null stays null.</summary>
internal sealed class EncryptedBytesConverter(ColumnCipher cipher)
    : ValueConverter<byte[], byte[]>(value => cipher.EncryptBytes(value), stored => cipher.DecryptBytes(stored))
{
    public ColumnCipher Cipher { get; } = cipher;
}
