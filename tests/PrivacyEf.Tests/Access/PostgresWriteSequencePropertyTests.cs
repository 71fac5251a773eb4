using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteSequencePropertyTests(PostgresFixture fixture) : WriteSequencePropertyTests(new PostgresTarget(fixture));
