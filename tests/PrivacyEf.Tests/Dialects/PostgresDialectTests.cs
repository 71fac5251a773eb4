using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Dialects;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDialectTests(PostgresFixture fixture) : SqlDialectTests(new PostgresTarget(fixture), "bytea");
