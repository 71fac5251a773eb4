using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace SupportDesk.Model;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model (with PrivacyEf's columns) without running the app.</summary>
public sealed class SqliteSupportDbFactory : IDesignTimeDbContextFactory<SupportDb>
{
    public SupportDb CreateDbContext(string[] args) =>
        SupportDbServices.Create(Path.Combine(Path.GetTempPath(), "supportdesk-design-keys"))
            .AddSqliteSupportDb("Data Source=design-time.db")
            .BuildServiceProvider()
            .GetRequiredService<SupportDb>();
}
