using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Commands;

[Collection(PostgresCollection.Name)]
public sealed class PostgresVerifyLogAnchorTests(PostgresFixture fixture) : VerifyLogAnchorTests(new PostgresTarget(fixture));
