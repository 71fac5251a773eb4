using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubjectKindTests(PostgresFixture fixture) : SubjectKindTests(new PostgresTarget(fixture));
