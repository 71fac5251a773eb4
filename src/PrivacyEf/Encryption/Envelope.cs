using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PrivacyEf.Encryption;

/// <summary>
/// The binary layout of an encrypted value: version (1 byte), key id (16), nonce (12), tag (16), ciphertext.
/// The version and key id are authenticated as associated data together with the column binding, so a
/// ciphertext moved to another column, or a header edited to point at another key, fails to decrypt.
/// </summary>
internal static class Envelope
{
    public const byte CurrentVersion = 1;
    public const int KeyIdSize = 16;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int HeaderSize = 1 + KeyIdSize + NonceSize + TagSize;

    [ThreadStatic]
    private static DataKey? threadKey;

    [ThreadStatic]
    private static AesGcm? threadAes;

    /// <summary>
    /// Seals into an envelope exactly <see cref="SealedLength"/> bytes long, with the associated data that
    /// <see cref="AssociatedData"/> gives for the key's id and the column.
    /// </summary>
    public static void Seal(DataKey key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> envelope)
    {
        envelope[0] = CurrentVersion;
        if (!key.Id.TryWriteBytes(envelope.Slice(1, KeyIdSize)))
        {
            throw new CryptographicException("The key id could not be written into the envelope.");
        }

        var nonce = envelope.Slice(1 + KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var tag = envelope.Slice(1 + KeyIdSize + NonceSize, TagSize);
        AesFor(key).Encrypt(nonce, plaintext, envelope[HeaderSize..], tag, associatedData);
    }

    /// <summary>
    /// The associated data of every value sealed under <paramref name="keyId"/> in one column: the envelope's header
    /// (version and key id) and the length-prefixed column binding. The same for every value, so callers may keep it.
    /// </summary>
    public static byte[] AssociatedData(Guid keyId, ReadOnlySpan<byte> columnBinding)
    {
        Span<byte> header = stackalloc byte[1 + KeyIdSize];
        header[0] = CurrentVersion;
        keyId.TryWriteBytes(header[1..]);
        return BuildAssociatedData(header, columnBinding);
    }

    /// <summary>Reads the key id of an envelope, or explains why it is not one.</summary>
    public static bool TryReadKeyId(ReadOnlySpan<byte> envelope, out Guid keyId, out string? problem)
    {
        keyId = Guid.Empty;
        if (envelope.Length < HeaderSize)
        {
            problem = $"the envelope is {envelope.Length} bytes long, shorter than its {HeaderSize}-byte header";
            return false;
        }

        if (envelope[0] != CurrentVersion)
        {
            problem = $"the envelope has format version {envelope[0]}, this version of PrivacyEf reads version {CurrentVersion}";
            return false;
        }

        keyId = new Guid(envelope.Slice(1, KeyIdSize));
        problem = null;
        return true;
    }

    /// <summary>
    /// Opens an envelope whose header <see cref="TryReadKeyId"/> has read into a plaintext buffer as long as the envelope
    /// less its header, with the associated data that <see cref="AssociatedData"/> gives for its key id and the column.
    /// </summary>
    public static void Open(DataKey key, ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        var nonce = envelope.Slice(1 + KeyIdSize, NonceSize);
        var tag = envelope.Slice(1 + KeyIdSize + NonceSize, TagSize);
        AesFor(key).Decrypt(nonce, envelope[HeaderSize..], tag, plaintext, associatedData);
    }

    /// <summary>
    /// The AES-GCM instance of the key last used on this thread. Expanding the key schedule costs more than
    /// sealing a short value, and an instance must not be shared between threads, so each thread keeps one.
    /// </summary>
    private static AesGcm AesFor(DataKey key)
    {
        if (!ReferenceEquals(threadKey, key) || threadAes is null)
        {
            threadAes?.Dispose();
            threadAes = new AesGcm(key.Material, TagSize);
            threadKey = key;
        }

        return threadAes;
    }

    public static int SealedLength(int plaintextLength) => checked(HeaderSize + plaintextLength);

    private static byte[] BuildAssociatedData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> columnBinding)
    {
        // Length-prefixing the binding keeps "a|bc" and "ab|c" distinct.
        var associated = new byte[header.Length + sizeof(int) + columnBinding.Length];
        header.CopyTo(associated);
        BinaryPrimitives.WriteInt32BigEndian(associated.AsSpan(header.Length), columnBinding.Length);
        columnBinding.CopyTo(associated.AsSpan(header.Length + sizeof(int)));
        return associated;
    }
}
