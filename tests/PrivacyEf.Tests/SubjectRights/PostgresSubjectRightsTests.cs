using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubjectRightsTests(PostgresFixture fixture) : SubjectRightsTests(new PostgresTarget(fixture));
