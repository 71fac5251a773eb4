using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

[Collection(PostgresCollection.Name)]
public sealed class PostgresKeyRotationTests(PostgresFixture fixture) : KeyRotationTests(new PostgresTarget(fixture));
