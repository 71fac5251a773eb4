using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessLogRetentionTests(PostgresFixture fixture) : AccessLogRetentionTests(new PostgresTarget(fixture));
