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

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly DataKeyRing keyRing;
    private readonly bool allowLegacyPlaintext;
    private readonly Lazy<byte[]> columnBinding;

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
        byte[] plaintext;
        try
        {
            plaintext = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException ex)
        {
            // A lone surrogate has no UTF-8 form; replacing it would silently change the stored value.
            throw Fail($"the text contains an unpaired surrogate at index {ex.Index} and cannot be stored exactly", ex);
        }

        return StringPrefix + Convert.ToBase64String(EncryptBytes(plaintext));
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

        byte[] envelope;
        try
        {
            envelope = Convert.FromBase64String(stored[StringPrefix.Length..]);
        }
        catch (FormatException ex)
        {
            throw Fail("the stored envelope is not valid base64", ex);
        }

        var plaintext = DecryptBytes(envelope);
        try
        {
            return StrictUtf8.GetString(plaintext);
        }
        catch (DecoderFallbackException ex)
        {
            throw Fail("the decrypted value is not valid UTF-8", ex);
        }
    }

    public byte[] EncryptBytes(byte[] plaintext)
    {
        DataKey key;
        try
        {
            key = keyRing.ActiveKey;
        }
        catch (InvalidOperationException ex)
        {
            throw Fail(ex.Message, ex);
        }

        return Envelope.Seal(key, plaintext, columnBinding.Value);
    }

    public byte[] DecryptBytes(byte[] envelope)
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
            return Envelope.Open(key!, envelope, columnBinding.Value);
        }
        catch (CryptographicException ex)
        {
            // Authentication failed: the value was altered, belongs to another column, or was made with another key.
            throw Fail($"the envelope does not authenticate under data key {keyId:N} (altered, copied from another column, or foreign)", ex);
        }
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

    private PrivacyCryptographicException Fail(string reason, Exception? inner = null) =>
        new(EntityName, PropertyName, reason, inner);
}
