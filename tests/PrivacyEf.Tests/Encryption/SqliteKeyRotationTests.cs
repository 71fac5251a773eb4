using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

public sealed class SqliteKeyRotationTests() : KeyRotationTests(new SqliteTarget());
