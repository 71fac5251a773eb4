using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDerivedTypeHoldTests(PostgresFixture fixture) : DerivedTypeHoldTests(new PostgresTarget(fixture));
