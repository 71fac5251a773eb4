using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Self;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSelfWriteTests(PostgresFixture fixture) : SelfWriteTests(new PostgresTarget(fixture));
