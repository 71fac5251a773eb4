using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Model;

namespace SupportDesk.Accounts;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the accounts model. It calls AddPrivacyIdentity like the app does: the
/// encrypted columns and blind indexes of Identity's tables come from it, so a migration made without it would miss them.
/// </summary>
public sealed class SqliteAccountsDbFactory : IDesignTimeDbContextFactory<AccountsDb>
{
    public AccountsDb CreateDbContext(string[] args) =>
        SupportDbServices.Create(Path.Combine(Path.GetTempPath(), "supportdesk-design-keys"))
            .AddSupportDeskAccounts<AccountsDb>()
            .AddSqliteAccountsDb("Data Source=design-time-accounts.db")
            .BuildServiceProvider()
            .GetRequiredService<AccountsDb>();
}
