using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPurgeCascadeTests(PostgresFixture fixture) : PurgeCascadeTests(new PostgresTarget(fixture));
