using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Encryption;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchableEncryptionTests(PostgresFixture fixture) : SearchableEncryptionTests(new PostgresTarget(fixture));
