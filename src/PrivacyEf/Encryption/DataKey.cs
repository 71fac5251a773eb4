using System.Security.Cryptography;

namespace PrivacyEf.Encryption;

/// <summary>An unwrapped 256-bit data key held in memory.</summary>
internal sealed class DataKey
{
    public const int KeySizeInBytes = 32;

    private readonly byte[] material;

    public DataKey(Guid id, byte[] material, DateTimeOffset createdAt)
    {
        if (material.Length != KeySizeInBytes)
        {
            throw new CryptographicException($"Data key {id:N} is {material.Length} bytes long; PrivacyEf data keys are {KeySizeInBytes} bytes.");
        }

        Id = id;
        this.material = material;
        CreatedAt = createdAt;
    }

    public Guid Id { get; }

    public DateTimeOffset CreatedAt { get; }

    public ReadOnlySpan<byte> Material => material;

    public static DataKey Create(DateTimeOffset createdAt) =>
        new(Guid.NewGuid(), RandomNumberGenerator.GetBytes(KeySizeInBytes), createdAt);
}
