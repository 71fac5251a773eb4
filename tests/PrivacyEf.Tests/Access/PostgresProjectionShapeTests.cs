using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresProjectionShapeTests(PostgresFixture fixture) : ProjectionShapeTests(new PostgresTarget(fixture));
