using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PrivacyEf.Tests.Logging;

/// <summary>A Data Protection provider whose key ring is unusable, as with a missing key volume.</summary>
internal sealed class FailingDataProtectionProvider : IDataProtector, IDataProtectionProvider
{
    public IDataProtector CreateProtector(string purpose) => this;

    public byte[] Protect(byte[] plaintext) => throw new CryptographicException("The key ring has no usable key.");

    public byte[] Unprotect(byte[] protectedData) => throw new CryptographicException("The key ring has no usable key.");
}
