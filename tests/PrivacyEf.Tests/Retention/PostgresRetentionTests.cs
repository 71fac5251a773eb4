using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionTests(PostgresFixture fixture) : RetentionTests(new PostgresTarget(fixture));
