using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsentTests(PostgresFixture fixture) : ConsentTests(new PostgresTarget(fixture));
