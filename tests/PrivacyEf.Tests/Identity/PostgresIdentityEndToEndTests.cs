using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using SupportDesk.Accounts;
using SupportDesk.Model;

namespace PrivacyEf.Tests.Identity;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentityEndToEndTests(PostgresFixture fixture) : IdentityEndToEndTests<PostgresAccountsDb>
{
    private readonly string suffix = Guid.NewGuid().ToString("N");

    protected override void RequireAvailable() => Skip.If(fixture.Cluster is null, fixture.SkipReason);

    protected override void AddDatabases(IServiceCollection services)
    {
        services.AddPostgresSupportDb(fixture.Cluster!.ConnectionString("support" + suffix));
        services.AddScoped<SupportDb>(provider => provider.GetRequiredService<PostgresSupportDb>());
        services.AddPostgresAccountsDb(fixture.Cluster!.ConnectionString("accounts" + suffix));
        services.AddScoped<AccountsDb>(provider => provider.GetRequiredService<PostgresAccountsDb>());
    }
}
