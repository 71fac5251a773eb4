using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Model;

namespace SupportDesk.Accounts;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL accounts model; no server is contacted.</summary>
public sealed class PostgresAccountsDbFactory : IDesignTimeDbContextFactory<PostgresAccountsDb>
{
    public PostgresAccountsDb CreateDbContext(string[] args) =>
        SupportDbServices.Create(Path.Combine(Path.GetTempPath(), "supportdesk-design-keys"))
            .AddSupportDeskAccounts<PostgresAccountsDb>()
            .AddPostgresAccountsDb("Host=localhost;Database=supportdesk_accounts_design")
            .BuildServiceProvider()
            .GetRequiredService<PostgresAccountsDb>();
}
