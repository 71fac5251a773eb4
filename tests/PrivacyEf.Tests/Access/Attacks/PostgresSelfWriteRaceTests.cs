using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSelfWriteRaceTests(PostgresFixture fixture) : SelfWriteRaceTests(new PostgresTarget(fixture));
