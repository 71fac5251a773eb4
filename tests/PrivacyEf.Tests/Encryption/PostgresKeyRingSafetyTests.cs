using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

[Collection(PostgresCollection.Name)]
public sealed class PostgresKeyRingSafetyTests(PostgresFixture fixture) : KeyRingSafetyTests(new PostgresTarget(fixture));
