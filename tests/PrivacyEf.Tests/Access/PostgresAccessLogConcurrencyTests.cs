using PrivacyEf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PrivacyEf.Tests.Access;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessLogConcurrencyTests(PostgresFixture fixture, ITestOutputHelper output) : AccessLogConcurrencyTests(new PostgresTarget(fixture), output)
{
    protected override (string Kind, string ConnectionString) ChildDatabase(AccessApp app) =>
        ("postgres", fixture.Cluster!.ConnectionString(app.Database));
}
