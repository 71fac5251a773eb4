using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEncryptionTests(PostgresFixture fixture) : RelationalEncryptionTests(new PostgresTarget(fixture));
