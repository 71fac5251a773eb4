using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace PrivacyEf.Redaction;

/// <summary>
/// Derives the application's pseudonym key from its Data Protection key ring, so pseudonyms stay the same
/// across restarts and across instances that share the key ring, and differ between applications.
/// </summary>
/// <remarks>
/// Data Protection never hands out a deterministic secret through <see cref="IDataProtector"/> (its output is
/// randomized), so the key is derived with HKDF from the master key material of the oldest unrevoked key in the
/// ring, under a purpose of its own. Keys are kept after they expire, so the oldest key, and the pseudonyms,
/// stay stable until the host deletes or revokes that key.
/// </remarks>
internal static class PseudonymKeyDerivation
{
    private const string Purpose = "PrivacyEf.Redaction.Pseudonyms.v1";

    public static byte[] Derive(IDataProtectionProvider dataProtection, IKeyManager keyManager)
    {
        var key = OldestKey(keyManager);
        if (key is null)
        {
            // An empty ring: protecting anything makes Data Protection create its first key, as it would for the host.
            dataProtection.CreateProtector(Purpose).Protect([0]);
            key = OldestKey(keyManager) ?? throw new InvalidOperationException("PrivacyEf could not derive the pseudonym key: the Data Protection key ring has no usable key. Set PrivacyOptions.Redaction.PseudonymKey instead.");
        }

        var material = Encoding.UTF8.GetBytes(key.Descriptor.ExportToXml().SerializedDescriptorElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, key.KeyId.ToByteArray(), Encoding.UTF8.GetBytes(Purpose));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private static IKey? OldestKey(IKeyManager keyManager) =>
        keyManager.GetAllKeys().Where(k => !k.IsRevoked).OrderBy(k => k.CreationDate).ThenBy(k => k.KeyId).FirstOrDefault();
}
