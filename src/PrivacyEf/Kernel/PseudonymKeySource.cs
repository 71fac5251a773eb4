using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace PrivacyEf.Kernel;

/// <summary>
/// The one source of an application's pseudonym keys, for masking and redaction alike: derived from its Data
/// Protection key ring, so pseudonyms stay the same across restarts and across instances that share the ring, and
/// differ between applications. Each use asks for its own purpose and gets a key of its own, so a token of one
/// use can never be matched against a token of another.
/// </summary>
/// <remarks>
/// Data Protection never hands out a deterministic secret through <see cref="IDataProtector"/> (its output is
/// randomized), so the keys are derived with HKDF from the master key material of the oldest unrevoked key in the
/// ring, salted with its id, with the purpose as HKDF info. Keys are kept after they expire, so the oldest key, and
/// the pseudonyms, stay stable until the host deletes or revokes that key. A configured key
/// (PrivacyOptions.Redaction.PseudonymKey) takes the ring's place; without a key manager (an ephemeral
/// provider) the keys are random for the life of the process, like the ring itself.
/// </remarks>
internal sealed class PseudonymKeySource
{
    private const string FirstKeyPurpose = "PrivacyEf.Pseudonyms.FirstKey";

    private readonly Lazy<byte[]> pseudorandomKey;
    private readonly ConcurrentDictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    /// <param name="configuredKey">The application's own key, or null to derive from the key ring.</param>
    /// <param name="dataProtection">The application's Data Protection, which creates the ring's first key if it has none.</param>
    /// <param name="keyManager">Finds the ring's key manager, on first use (null when there is none).</param>
    public PseudonymKeySource(byte[]? configuredKey, IDataProtectionProvider dataProtection, Func<IKeyManager?> keyManager)
    {
        var configured = configuredKey?.ToArray();
        pseudorandomKey = new Lazy<byte[]>(() => configured is not null
            ? HKDF.Extract(HashAlgorithmName.SHA256, configured, [])
            : keyManager() is { } manager ? FromKeyRing(dataProtection, manager) : RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>The 256-bit key of one purpose; the same for every instance that shares the key ring.</summary>
    /// <param name="purpose">Who uses the key, with a version (e.g. <c>PrivacyEf.Access.Pseudonyms.v1</c>).</param>
    /// <returns>The key; callers must not change it.</returns>
    public byte[] KeyFor(string purpose) =>
        keys.GetOrAdd(purpose, static (p, prk) => HKDF.Expand(HashAlgorithmName.SHA256, prk.Value, 32, Encoding.UTF8.GetBytes(p)), pseudorandomKey);

    private static byte[] FromKeyRing(IDataProtectionProvider dataProtection, IKeyManager keyManager)
    {
        var key = OldestKey(keyManager);
        if (key is null)
        {
            // An empty ring: protecting anything makes Data Protection create its first key, as it would for the host.
            dataProtection.CreateProtector(FirstKeyPurpose).Protect([0]);
            key = OldestKey(keyManager) ?? throw new InvalidOperationException("PrivacyEf could not derive the pseudonym keys: the Data Protection key ring has no usable key. Set PrivacyOptions.Redaction.PseudonymKey instead.");
        }

        var material = Encoding.UTF8.GetBytes(key.Descriptor.ExportToXml().SerializedDescriptorElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            // Extract, then Expand per purpose, is HKDF.DeriveKey: redaction's key is the one it derived before the source was shared.
            return HKDF.Extract(HashAlgorithmName.SHA256, material, key.KeyId.ToByteArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private static IKey? OldestKey(IKeyManager keyManager) =>
        keyManager.GetAllKeys().Where(k => !k.IsRevoked).OrderBy(k => k.CreationDate).ThenBy(k => k.KeyId).FirstOrDefault();
}
