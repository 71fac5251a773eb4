using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyEf.Kernel;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Kernel;

/// <summary>
/// The one keyset batch runner the purge, re-encryption and redaction of stored text share: one transaction per
/// batch, a position to resume from, cancellation between batches, and a refused batch handed to its recovery.
/// </summary>
public sealed class KeysetBatchRunnerTests : IDisposable
{
    private readonly SqliteTarget target = new();
    private readonly PrivacyApp app;

    public KeysetBatchRunnerTests() => app = PrivacyApp.Create(target);

    [Fact]
    public async Task Each_batch_runs_in_a_transaction_of_its_own_from_where_the_last_one_ended()
    {
        await using var db = await app.CreateDatabaseAsync();
        var walk = new CountingWalk(db, lastKey: 3);

        var end = await KeysetBatchRunner.RunAsync(db, walk, KeysetPosition<int>.After(0), CancellationToken.None);

        Assert.Equal(KeysetPosition<int>.After(3), end);
        Assert.Equal([0, 1, 2], walk.Starts);
        Assert.Equal(3, walk.Transactions.Distinct().Count());
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact]
    public async Task A_walk_with_nothing_left_to_find_opens_no_transaction()
    {
        await using var db = await app.CreateDatabaseAsync();
        var walk = new CountingWalk(db, lastKey: 3) { NothingLeft = true };

        var end = await KeysetBatchRunner.RunAsync(db, walk, KeysetPosition<int>.Start, CancellationToken.None);

        Assert.Equal(KeysetPosition<int>.Start, end);
        Assert.Empty(walk.Transactions);
    }

    [Fact]
    public async Task Cancellation_stops_the_walk_between_batches()
    {
        await using var db = await app.CreateDatabaseAsync();
        using var cancellation = new CancellationTokenSource();
        var walk = new CountingWalk(db, lastKey: 5) { AfterBatch = key => { if (key == 2) { cancellation.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => KeysetBatchRunner.RunAsync(db, walk, KeysetPosition<int>.Start, cancellation.Token));

        Assert.Equal([0, 1], walk.Starts);
    }

    [Fact]
    public async Task A_refused_batch_is_rolled_back_and_handed_to_the_recovery()
    {
        await using var db = await app.CreateDatabaseAsync();
        var walk = new CountingWalk(db, lastKey: 2) { RefuseAt = 1 };

        await KeysetBatchRunner.RunAsync(db, walk, KeysetPosition<int>.Start, CancellationToken.None);

        Assert.Equal([0, 1], walk.Starts);
        Assert.Equal([1], walk.Recovered);
    }

    public void Dispose()
    {
        app.Dispose();
        target.Dispose();
    }

    /// <summary>A walk over the keys 1 to lastKey, one key per batch.</summary>
    private sealed class CountingWalk(DbContext db, int lastKey) : KeysetWalk<int>
    {
        public List<int> Starts { get; } = [];

        public List<IDbContextTransaction> Transactions { get; } = [];

        public List<int> Recovered { get; } = [];

        public bool NothingLeft { get; init; }

        public int? RefuseAt { get; init; }

        public Action<int>? AfterBatch { get; init; }

        public override Task<bool> FindBatchAsync(KeysetPosition<int> after, CancellationToken cancellationToken) => Task.FromResult(!NothingLeft);

        public override Task<KeysetBatch<int>> RunBatchAsync(KeysetPosition<int> after, CancellationToken cancellationToken)
        {
            var start = after.HasKey ? after.Key : 0;
            Starts.Add(start);
            Transactions.Add(db.Database.CurrentTransaction!);
            if (start == RefuseAt)
            {
                throw new InvalidOperationException("refused");
            }

            return Task.FromResult(Next(start));
        }

        public override bool CanRecover(Exception exception, CancellationToken cancellationToken) => exception.Message == "refused";

        public override Task<KeysetBatch<int>> RecoverAsync(KeysetPosition<int> after, CancellationToken cancellationToken)
        {
            Assert.Null(db.Database.CurrentTransaction);
            Recovered.Add(after.Key);
            return Task.FromResult(Next(after.Key));
        }

        public override Task BatchDoneAsync(KeysetBatch<int> batch, bool recovered, CancellationToken cancellationToken)
        {
            AfterBatch?.Invoke(batch.Next.Key);
            return Task.CompletedTask;
        }

        private KeysetBatch<int> Next(int start) => new(1, KeysetPosition<int>.After(start + 1), IsLast: start + 1 == lastKey);
    }
}
