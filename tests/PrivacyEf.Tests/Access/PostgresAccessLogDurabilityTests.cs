using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessLogDurabilityTests(PostgresFixture fixture) : AccessLogDurabilityTests(new PostgresTarget(fixture));
