using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkWriteGuardTests(PostgresFixture fixture) : BulkWriteGuardTests(new PostgresTarget(fixture));
