using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresScopedWriteTests(PostgresFixture fixture) : ScopedWriteTests(new PostgresTarget(fixture));
