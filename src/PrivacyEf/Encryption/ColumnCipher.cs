using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Encryption;

/// <summary>
/// Encrypts and decrypts the values of one column. The column binding (table and column name) is read
/// from the finished model on first use, because conventions that run after PrivacyEf's may still rename
/// tables and columns while the model is being built.
/// </summary>
internal sealed class ColumnCipher
{
    /// <summary>Marks a string column value as a PrivacyEf envelope, so legacy plaintext is told apart from ciphertext.</summary>
    public const string StringPrefix = "pef:";

    // Buffers up to this many bytes (or chars) live on the stack; longer values borrow from the shared pool.
    private const int StackLimit = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly DataKeyRing keyRing;
    private readonly bool allowLegacyPlaintext;
    private readonly Lazy<byte[]> columnBinding;
    private volatile KeyAssociatedData? lastAssociatedData;

    public ColumnCipher(DataKeyRing keyRing, string entityName, string propertyName, Func<string> describeColumn, bool allowLegacyPlaintext = false)
    {
        this.keyRing = keyRing;
        this.allowLegacyPlaintext = allowLegacyPlaintext;
        EntityName = entityName;
        PropertyName = propertyName;
        columnBinding = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(describeColumn()), LazyThreadSafetyMode.PublicationOnly);
    }

    public string EntityName { get; }

    public string PropertyName { get; }

    public string EncryptString(string value)
    {
        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            // A lone surrogate has no UTF-8 form; replacing it would silently change the stored value.
            throw Fail($"the text contains an unpaired surrogate at index {ex.Index} and cannot be stored exactly", ex);
        }

        var key = ActiveKey();
        var sealedLength = Envelope.SealedLength(byteCount);
        var needed = byteCount + sealedLength;
        byte[]? rented = null;
        var buffer = needed <= StackLimit ? stackalloc byte[needed] : (rented = ArrayPool<byte>.Shared.Rent(needed)).AsSpan(0, needed);
        try
        {
            var plaintext = buffer[..byteCount];
            StrictUtf8.GetBytes(value, plaintext);
            var envelope = buffer[byteCount..];
            Envelope.Seal(key, plaintext, AssociatedDataFor(key.Id), envelope);
            return ToPrefixedBase64(envelope);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public string DecryptString(string stored)
    {
        if (!stored.StartsWith(StringPrefix, StringComparison.Ordinal))
        {
            if (allowLegacyPlaintext)
            {
                return stored;
            }

            throw Fail("the stored value is not a PrivacyEf envelope (plaintext written before encryption was turned on, or written around PrivacyEf); while ReencryptAsync encrypts legacy rows, set PrivacyOptions.AllowLegacyPlaintextReads");
        }

        // Decoded and opened on the stack (or in a pooled buffer, wiped after): the plaintext string is the one allocation.
        var base64 = stored.AsSpan(StringPrefix.Length);
        var maxEnvelope = ((base64.Length / 4) + 1) * 3;
        var needed = maxEnvelope * 2;
        byte[]? rented = null;
        var buffer = needed <= StackLimit ? stackalloc byte[needed] : (rented = ArrayPool<byte>.Shared.Rent(needed)).AsSpan(0, needed);
        try
        {
            if (!Convert.TryFromBase64Chars(base64, buffer[..maxEnvelope], out var envelopeLength))
            {
                throw Fail("the stored envelope is not valid base64");
            }

            var envelope = buffer[..envelopeLength];
            var plaintext = buffer.Slice(maxEnvelope, Math.Max(0, envelopeLength - Envelope.HeaderSize));
            Open(envelope, plaintext);
            try
            {
                return StrictUtf8.GetString(plaintext);
            }
            catch (DecoderFallbackException ex)
            {
                throw Fail("the decrypted value is not valid UTF-8", ex);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public byte[] EncryptBytes(byte[] plaintext)
    {
        var key = ActiveKey();
        var envelope = new byte[Envelope.SealedLength(plaintext.Length)];
        Envelope.Seal(key, plaintext, AssociatedDataFor(key.Id), envelope);
        return envelope;
    }

    public byte[] DecryptBytes(byte[] envelope)
    {
        var plaintext = new byte[Math.Max(0, envelope.Length - Envelope.HeaderSize)];
        Open(envelope, plaintext);
        return plaintext;
    }

    /// <summary>The first characters of every string value sealed under <paramref name="keyId"/>: prefix, version and key id.</summary>
    public static string StringPrefixFor(Guid keyId) => StringPrefix + Convert.ToBase64String(BytesPrefixFor(keyId).AsSpan(0, 15))[..20];

    /// <summary>The first bytes of every binary value sealed under <paramref name="keyId"/>: version and key id.</summary>
    public static byte[] BytesPrefixFor(Guid keyId)
    {
        var prefix = new byte[1 + Envelope.KeyIdSize];
        prefix[0] = Envelope.CurrentVersion;
        keyId.TryWriteBytes(prefix.AsSpan(1));
        return prefix;
    }

    private DataKey ActiveKey()
    {
        try
        {
            return keyRing.ActiveKey;
        }
        catch (InvalidOperationException ex)
        {
            throw Fail(ex.Message, ex);
        }
    }

    /// <summary>Opens <paramref name="envelope"/> into <paramref name="plaintext"/>, its length less the header.</summary>
    private void Open(ReadOnlySpan<byte> envelope, Span<byte> plaintext)
    {
        if (!Envelope.TryReadKeyId(envelope, out var keyId, out var problem))
        {
            throw Fail(problem!);
        }

        if (!keyRing.TryGetKey(keyId, out var key, out var keyProblem))
        {
            throw Fail(keyProblem!);
        }

        try
        {
            Envelope.Open(key!, envelope, AssociatedDataFor(keyId), plaintext);
        }
        catch (CryptographicException ex)
        {
            // Authentication failed: the value was altered, belongs to another column, or was made with another key.
            throw Fail($"the envelope does not authenticate under data key {keyId:N} (altered, copied from another column, or foreign)", ex);
        }
    }

    /// <summary>The associated data of this column under <paramref name="keyId"/>, kept for the key last used: a column is read and written under one key almost always.</summary>
    private byte[] AssociatedDataFor(Guid keyId)
    {
        var last = lastAssociatedData;
        if (last is not null && last.KeyId == keyId)
        {
            return last.Data;
        }

        var data = Envelope.AssociatedData(keyId, columnBinding.Value);
        lastAssociatedData = new KeyAssociatedData(keyId, data);
        return data;
    }

    private static string ToPrefixedBase64(ReadOnlySpan<byte> envelope)
    {
        var length = StringPrefix.Length + (((envelope.Length + 2) / 3) * 4);
        char[]? rented = null;
        var chars = length <= StackLimit ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            StringPrefix.CopyTo(chars);
            Convert.TryToBase64Chars(envelope, chars[StringPrefix.Length..], out _);
            return new string(chars);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private PrivacyCryptographicException Fail(string reason, Exception? inner = null) =>
        new(EntityName, PropertyName, reason, inner);

    private sealed record KeyAssociatedData(Guid KeyId, byte[] Data);
}
