using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

[Collection(PostgresCollection.Name)]
public sealed class PostgresErasureCascadeTests(PostgresFixture fixture) : ErasureCascadeTests(new PostgresTarget(fixture));
