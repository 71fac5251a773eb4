using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBlindIndexRotationTests(PostgresFixture fixture) : BlindIndexRotationTests(new PostgresTarget(fixture));
