using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace SupportDesk.Model;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresSupportDb</c> build the PostgreSQL model; it never connects.</summary>
public sealed class PostgresSupportDbFactory : IDesignTimeDbContextFactory<PostgresSupportDb>
{
    public PostgresSupportDb CreateDbContext(string[] args) =>
        SupportDbServices.Create(Path.Combine(Path.GetTempPath(), "supportdesk-design-keys"))
            .AddPostgresSupportDb("Host=localhost;Database=supportdesk")
            .BuildServiceProvider()
            .GetRequiredService<PostgresSupportDb>();
}
