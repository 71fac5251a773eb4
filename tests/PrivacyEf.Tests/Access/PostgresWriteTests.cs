using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteTests(PostgresFixture fixture) : WriteTests(new PostgresTarget(fixture));
