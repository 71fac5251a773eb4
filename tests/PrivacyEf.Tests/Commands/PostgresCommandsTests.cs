using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Commands;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandsTests(PostgresFixture fixture) : CommandsTests(new PostgresTarget(fixture));
