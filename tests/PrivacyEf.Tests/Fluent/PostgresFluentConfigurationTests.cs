using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Fluent;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFluentConfigurationTests(PostgresFixture fixture) : FluentConfigurationTests(new PostgresTarget(fixture));
