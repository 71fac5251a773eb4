using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsentValidationTests(PostgresFixture fixture) : ConsentValidationTests(new PostgresTarget(fixture));
