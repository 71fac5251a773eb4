using System.Linq.Expressions;
using PrivacyEf.Internal;

namespace PrivacyEf.Encryption;

/// <summary>An access to an encrypted property found in a query expression.</summary>
internal readonly record struct EncryptedMember(Expression Instance, string EntityName, PrivacyPropertyMetadata Property);
