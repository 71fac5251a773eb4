using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Self;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSelfAccessTests(PostgresFixture fixture) : SelfAccessTests(new PostgresTarget(fixture));
