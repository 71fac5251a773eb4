using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using SupportDesk.Model;

namespace PrivacyEf.Tests.Migrations;

public sealed class SqliteLegacyPlaintextMigrationTests : LegacyPlaintextMigrationTests
{
    private readonly SqliteTarget sqlite = new();

    protected override FormattableString ListTablesSql => $"""SELECT "name" AS "Value" FROM sqlite_master WHERE "type" = 'table'""";

    // Pooled, as applications run it: a pooled connection keeps the WAL from being folded back into the main file
    // when the application's contexts close, and the access log writer and re-encryption then share the database.
    protected override void AddDatabase(IServiceCollection services) =>
        services.AddSqliteSupportDb($"Data Source={sqlite.FilePath("supportdesk")}");

    protected override void ReleaseDatabase() => sqlite.Dispose();

    protected override async Task<byte[]?> ReadRawStorageAsync()
    {
        var file = sqlite.FilePath("supportdesk");
        var wal = file + "-wal";
        var main = await File.ReadAllBytesAsync(file);
        return File.Exists(wal) ? [.. main, .. await File.ReadAllBytesAsync(wal)] : main;
    }

    protected override SupportDb Resolve(IServiceProvider services) => services.GetRequiredService<SupportDb>();
}
