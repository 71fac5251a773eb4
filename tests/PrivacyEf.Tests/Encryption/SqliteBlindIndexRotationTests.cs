using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

public sealed class SqliteBlindIndexRotationTests() : BlindIndexRotationTests(new SqliteTarget());
