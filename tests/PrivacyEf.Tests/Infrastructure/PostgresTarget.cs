using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>PostgreSQL on the throwaway cluster of <see cref="PostgresFixture"/>; each database is new.</summary>
public sealed class PostgresTarget(PostgresFixture fixture) : DatabaseTarget
{
    public override string Name => "PostgreSQL";

    public override bool IsRelational => true;

    public override void RequireAvailable() => Skip.If(fixture.Cluster is null, fixture.SkipReason);

    public override void UseDatabase(DbContextOptionsBuilder builder, string database) =>
        builder.UseNpgsql(fixture.Cluster!.ConnectionString(database));
}
