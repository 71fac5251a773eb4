using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

public sealed class SqliteSearchableEncryptionTests() : SearchableEncryptionTests(new SqliteTarget());
