using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsentIdFormTests(PostgresFixture fixture) : ConsentIdFormTests(new PostgresTarget(fixture));
