using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes;

[Collection(PostgresCollection.Name)]
public sealed class PostgresShadowForeignKeyTests(PostgresFixture fixture) : ShadowForeignKeyTests(new PostgresTarget(fixture));
