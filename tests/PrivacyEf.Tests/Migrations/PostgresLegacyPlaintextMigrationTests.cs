using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using SupportDesk.Model;

namespace PrivacyEf.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class PostgresLegacyPlaintextMigrationTests(PostgresFixture fixture) : LegacyPlaintextMigrationTests
{
    private readonly string database = "migration" + Guid.NewGuid().ToString("N");

    protected override FormattableString ListTablesSql => $"""SELECT "table_name"::text AS "Value" FROM information_schema.tables WHERE "table_schema" = 'public'""";

    protected override void RequireAvailable() => Skip.If(fixture.Cluster is null, fixture.SkipReason);

    protected override void AddDatabase(IServiceCollection services) =>
        services.AddPostgresSupportDb(fixture.Cluster!.ConnectionString(database));

    protected override SupportDb Resolve(IServiceProvider services) => services.GetRequiredService<PostgresSupportDb>();
}
