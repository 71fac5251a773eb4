using CsCheck;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using PrivacyEf.Encryption;

namespace PrivacyEf.Tests.Encryption;

/// <summary>
/// Property-based: whatever happens to a stored envelope (bit flips, truncation, extension, a swapped key id),
/// decryption either returns exactly the original value or raises <see cref="PrivacyCryptographicException"/>.
/// </summary>
public sealed class EnvelopeRobustnessTests
{
    private readonly DataKey key = DataKey.Create(DateTimeOffset.UnixEpoch);
    private readonly DataKey otherKey = DataKey.Create(DateTimeOffset.UnixEpoch);
    private readonly ColumnCipher cipher;
    private readonly ColumnCipher otherColumn;

    public EnvelopeRobustnessTests()
    {
        var ring = new DataKeyRing(new EphemeralDataProtectionProvider(), TimeProvider.System, TimeSpan.FromMinutes(5), NullLogger.Instance);
        ring.AddKey(otherKey, activate: false);
        ring.AddKey(key, activate: true);
        cipher = new ColumnCipher(ring, "Customer", "Email", () => "public.Customers.Email");
        otherColumn = new ColumnCipher(ring, "Customer", "Phone", () => "public.Customers.Phone");
    }

    [Fact]
    public void Random_bit_flips_never_yield_another_plaintext()
    {
        Gen.Select(Gen.String, Gen.Int.Positive, Gen.Int[0, 7]).Sample((text, position, bit) =>
        {
            var envelope = cipher.EncryptBytes(System.Text.Encoding.UTF8.GetBytes(text));
            envelope[position % envelope.Length] ^= (byte)(1 << bit);
            AssertRejected(() => cipher.DecryptBytes(envelope));
        }, iter: 2000);
    }

    [Fact]
    public void Truncated_extended_and_empty_envelopes_are_rejected()
    {
        Gen.Select(Gen.String, Gen.Int.Positive, Gen.Byte.Array[1, 64]).Sample((text, cut, extra) =>
        {
            var envelope = cipher.EncryptBytes(System.Text.Encoding.UTF8.GetBytes(text));
            AssertRejected(() => cipher.DecryptBytes(envelope[..(cut % envelope.Length)]));
            AssertRejected(() => cipher.DecryptBytes([.. envelope, .. extra]));
        }, iter: 1000);
        AssertRejected(() => cipher.DecryptBytes([]));
        AssertRejected(() => cipher.DecryptString("pef:"));
        AssertRejected(() => cipher.DecryptBytes(new byte[1024 * 1024]));
    }

    [Fact]
    public void Mutated_stored_strings_decrypt_to_the_original_or_fail()
    {
        Gen.Select(Gen.String, Gen.Int.Positive, Gen.Char["A-Za-z0-9+/=!"]).Sample((text, position, replacement) =>
        {
            var stored = cipher.EncryptString(text);
            var chars = stored.ToCharArray();
            var at = ColumnCipher.StringPrefix.Length + (position % (chars.Length - ColumnCipher.StringPrefix.Length));
            chars[at] = replacement;
            var mutated = new string(chars);
            try
            {
                // Base64 has spare bits in its last characters: a few edits decode to the same bytes.
                Assert.Equal(text, cipher.DecryptString(mutated));
            }
            catch (PrivacyCryptographicException failure)
            {
                Assert.Equal("Email", failure.PropertyName);
            }
        }, iter: 2000);
    }

    [Fact]
    public void An_envelope_pointed_at_another_key_or_column_is_rejected()
    {
        Gen.String.Sample(text =>
        {
            var envelope = cipher.EncryptBytes(System.Text.Encoding.UTF8.GetBytes(text));
            AssertRejected(() => otherColumn.DecryptBytes(envelope), "Phone");
            var swapped = (byte[])envelope.Clone();
            otherKey.Id.TryWriteBytes(swapped.AsSpan(1, Envelope.KeyIdSize));
            AssertRejected(() => cipher.DecryptBytes(swapped));
        }, iter: 500);
    }

    [Fact]
    public void Untouched_envelopes_round_trip_any_text()
    {
        Gen.String.Sample(text => Assert.Equal(text, cipher.DecryptString(cipher.EncryptString(text))), iter: 2000);
    }

    private static void AssertRejected(Func<object> decrypt, string property = "Email")
    {
        var failure = Assert.Throws<PrivacyCryptographicException>(decrypt);
        Assert.Equal(property, failure.PropertyName);
        Assert.Equal("Customer", failure.EntityName);
    }
}
