using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInheritanceTests(PostgresFixture fixture) : InheritanceTests(new PostgresTarget(fixture));
