using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyEf.Redaction;

/// <summary>
/// Keyed pseudonyms: HMAC-SHA256 of the type and the normalized value, written as ten lower-case letters
/// (about 47 bits). Letters only, so a pseudonym never looks like a number, key or address to a later scan.
/// </summary>
internal sealed class Pseudonymizer(byte[] key)
{
    private const int TokenLength = 10;

    /// <summary>The length of the token written for a label: "[", label, ":", ten letters, "]".</summary>
    public static int TokenLengthFor(string label) => label.Length + TokenLength + 3;

    /// <summary>Writes the token into <paramref name="destination"/> and returns its length.</summary>
    public int Write(Span<char> destination, PiiType type, string label, ReadOnlySpan<char> value)
    {
        var normalizedLength = label.Length + 1 + value.Length;
        var rented = ArrayPool<char>.Shared.Rent(normalizedLength);
        try
        {
            var normalized = rented.AsSpan(0, normalizedLength);
            label.AsSpan().CopyTo(normalized);
            normalized[label.Length] = ':';
            var length = label.Length + 1 + Normalize(type, value, normalized[(label.Length + 1)..]);
            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            try
            {
                var byteCount = Encoding.UTF8.GetBytes(normalized[..length], bytes);
                Span<byte> hash = stackalloc byte[32];
                HMACSHA256.HashData(key, bytes.AsSpan(0, byteCount), hash);
                var number = BitConverter.ToUInt64(hash);
                destination[0] = '[';
                label.AsSpan().CopyTo(destination[1..]);
                var index = label.Length + 1;
                destination[index++] = ':';
                for (var i = 0; i < TokenLength; i++)
                {
                    destination[index++] = (char)('a' + (int)(number % 26));
                    number /= 26;
                }

                destination[index++] = ']';
                return index;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Numbers lose their separators ("4111 1111 1111 1111" and "4111-1111-1111-1111" get one pseudonym), e-mail
    /// addresses their case; passwords, keys and custom values stay exact.
    /// </summary>
    private static int Normalize(PiiType type, ReadOnlySpan<char> value, Span<char> destination)
    {
        if (type is PiiType.Password or PiiType.ApiKey or PiiType.Custom or PiiType.DateOfBirth or PiiType.IpAddress)
        {
            value.CopyTo(destination);
            return value.Length;
        }

        if (type == PiiType.Email)
        {
            return value.ToLowerInvariant(destination);
        }

        var count = 0;
        foreach (var c in value)
        {
            if (c is not (' ' or '-' or '.' or '/' or '(' or ')'))
            {
                destination[count++] = char.ToUpperInvariant(c);
            }
        }

        return count;
    }
}
