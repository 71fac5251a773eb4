using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using SupportDesk.Model;

namespace PrivacyEf.Tests.Migrations;

public sealed class SqliteLegacyPlaintextMigrationTests : LegacyPlaintextMigrationTests
{
    private readonly SqliteTarget sqlite = new();

    protected override FormattableString ListTablesSql => $"""SELECT "name" AS "Value" FROM sqlite_master WHERE "type" = 'table'""";

    protected override void AddDatabase(IServiceCollection services) =>
        services.AddSqliteSupportDb($"Data Source={sqlite.FilePath("supportdesk")};Pooling=False");

    protected override void ReleaseDatabase() => sqlite.Dispose();

    protected override SupportDb Resolve(IServiceProvider services) => services.GetRequiredService<SupportDb>();
}
