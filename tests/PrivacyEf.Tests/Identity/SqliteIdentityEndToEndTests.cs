using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Accounts;
using SupportDesk.Model;

namespace PrivacyEf.Tests.Identity;

public sealed class SqliteIdentityEndToEndTests : IdentityEndToEndTests<AccountsDb>
{
    private readonly string directory = Directory.CreateTempSubdirectory("privacyef-identity-db").FullName;

    protected override void RequireAvailable()
    {
    }

    protected override void AddDatabases(IServiceCollection services)
    {
        services.AddSqliteSupportDb($"Data Source={Path.Combine(directory, "support.db")}");
        services.AddSqliteAccountsDb($"Data Source={Path.Combine(directory, "accounts.db")};Pooling=False");
    }
}
