using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrivacyEf.Encryption;

/// <summary>Stores a string property as a base64 AES-256-GCM envelope; null stays null.</summary>
internal sealed class EncryptedStringConverter(ColumnCipher cipher)
    : ValueConverter<string, string>(value => cipher.EncryptString(value), stored => cipher.DecryptString(stored))
{
    public ColumnCipher Cipher { get; } = cipher;
}
