using System.Security.Cryptography;

namespace PrivacyEf;

/// <summary>
/// A protected value could not be encrypted or decrypted: corrupt or foreign ciphertext, a key this
/// application cannot unwrap, or a value that cannot be encoded. Names the entity and property so the
/// failing row can be found; never carries the value itself.
/// </summary>
public sealed class PrivacyCryptographicException : CryptographicException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityName">The entity type whose value failed.</param>
    /// <param name="propertyName">The property whose value failed.</param>
    /// <param name="reason">What went wrong, without the value.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PrivacyCryptographicException(string entityName, string propertyName, string reason, Exception? innerException = null)
        : base($"PrivacyEf could not process the protected value of {entityName}.{propertyName}: {reason}", innerException)
    {
        EntityName = entityName;
        PropertyName = propertyName;
    }

    /// <summary>The entity type whose value failed.</summary>
    public string EntityName { get; }

    /// <summary>The property whose value failed.</summary>
    public string PropertyName { get; }
}
