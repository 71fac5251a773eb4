using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsentKindTests(PostgresFixture fixture) : ConsentKindTests(new PostgresTarget(fixture));
