using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.SubjectRights;

[Collection(PostgresCollection.Name)]
public sealed class PostgresOwnedTypeSubjectRightsTests(PostgresFixture fixture) : OwnedTypeSubjectRightsTests(new PostgresTarget(fixture));
