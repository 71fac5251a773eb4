using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEntityGuardTests(PostgresFixture fixture) : EntityGuardTests(new PostgresTarget(fixture));
