using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Access.Masking;

/// <summary>
/// The <see cref="MaskStyle.Pseudonym"/> token of a value: <c>psn_</c> and the first 64 bits of HMAC-SHA256 of its
/// UTF-8 bytes, in lower-case hex. One definition, so a pseudonym in a log line is the one masking shows for the same
/// value under the same key.
/// </summary>
internal static class PseudonymToken
{
    private const int HashBytesShown = 8;

    /// <summary>The length of every token.</summary>
    public const int Length = 4 + (2 * HashBytesShown);

    /// <summary>The token of <paramref name="value"/>.</summary>
    public static string Of(string value, ReadOnlySpan<byte> key)
    {
        Span<char> token = stackalloc char[Length];
        Write(value, key, token);
        return new string(token);
    }

    /// <summary>Writes the token of <paramref name="value"/> into the first <see cref="Length"/> characters of <paramref name="destination"/>.</summary>
    public static void Write(ReadOnlySpan<char> value, ReadOnlySpan<byte> key, Span<char> destination)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Span<byte> hash = stackalloc byte[32];
            HMACSHA256.HashData(key, rented.AsSpan(0, written), hash);
            MaskPlaceholders.PseudonymPrefix.AsSpan().CopyTo(destination);
            Convert.TryToHexStringLower(hash[..HashBytesShown], destination[MaskPlaceholders.PseudonymPrefix.Length..], out _);
        }
        finally
        {
            // The buffer held the value itself: clear it before another caller rents it.
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, byteCount));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
