using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Redaction;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRedactionPersistenceTests(PostgresFixture fixture) : RelationalRedactionPersistenceTests(new PostgresTarget(fixture));
