using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessLogTests(PostgresFixture fixture) : AccessLogTests(new PostgresTarget(fixture));
