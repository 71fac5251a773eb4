using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes;

[Collection(PostgresCollection.Name)]
public sealed class PostgresJsonOwnedTypeTests(PostgresFixture fixture) : JsonOwnedTypeTests(new PostgresTarget(fixture));
