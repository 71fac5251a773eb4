using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMaskedWriteBackTests(PostgresFixture fixture) : MaskedWriteBackTests(new PostgresTarget(fixture));
