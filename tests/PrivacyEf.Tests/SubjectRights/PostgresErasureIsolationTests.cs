using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

[Collection(PostgresCollection.Name)]
public sealed class PostgresErasureIsolationTests(PostgresFixture fixture) : ErasureIsolationTests(new PostgresTarget(fixture));
