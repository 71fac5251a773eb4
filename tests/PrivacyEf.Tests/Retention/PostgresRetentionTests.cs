using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Retention;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionTests(PostgresFixture fixture) : RetentionTests(new PostgresTarget(fixture))
{
    protected override (string Kind, string ConnectionString) ChildDatabase(RetentionApp app) =>
        ("postgres", fixture.Cluster!.ConnectionString(app.Database));
}
