namespace PrivacyEf.Tests.Infrastructure;

/// <summary>
/// Starts one throwaway PostgreSQL cluster for every PostgreSQL test and stops it afterwards. Without
/// PostgreSQL binaries the tests are skipped with the reason, except under CI=true, where that fails the run.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresCluster? Cluster { get; private set; }

    public string SkipReason { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (PostgresCluster.UnavailableReason is { } reason)
        {
            if (PostgresCluster.IsRequired)
            {
                throw new InvalidOperationException($"CI=true requires PostgreSQL, but {reason}");
            }

            SkipReason = $"PostgreSQL is not available here: {reason}";
            return;
        }

        Cluster = await PostgresCluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
