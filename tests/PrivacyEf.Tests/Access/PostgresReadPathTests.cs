using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReadPathTests(PostgresFixture fixture) : ReadPathTests(new PostgresTarget(fixture));
