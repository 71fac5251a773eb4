using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

/// <summary>
/// Rotating the blind-index key: lookups match rows indexed under either key while the rotation runs,
/// writes move to the new key only after every instance has had time to learn it, and the rebuild moves
/// every stored index, resumably, before the old key is retired.
/// </summary>
public abstract class BlindIndexRotationTests(DatabaseTarget target) : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    // Per test, not static: a compiled query belongs to the model it first ran against.
    private readonly Func<TestDbContext, string, Task<Customer?>> compiledByEmail =
        EF.CompileAsyncQuery((TestDbContext db, string email) => db.Customers.SingleOrDefault(c => c.Email == email));

    private readonly Func<TestDbContext, Task<Customer?>> compiledAda =
        EF.CompileAsyncQuery((TestDbContext db) => db.Customers.SingleOrDefault(c => c.Email == "ada@example.com"));

    private readonly List<PrivacyApp> apps = [];
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Every_row_stays_findable_through_a_rotation_and_the_rebuild_retires_the_old_key()
    {
        var app = await SeedAsync();
        await AssertFindsAsync(app, ["ada@example.com", "grace@example.com", "linus@example.com"]);
        Guid firstKey;
        BlindIndexRotation rotation;
        await using (var db = app.NewContext())
        {
            firstKey = Assert.Single(await db.GetDataKeysAsync(), k => k.Kind == DataKeyKind.BlindIndex).Id;
            rotation = await db.RotateBlindIndexKeyAsync();
        }

        Assert.Equal(2, rotation.Generation);
        Assert.Equal(clock.GetUtcNow() + RefreshInterval + RefreshInterval, rotation.WritesMoveAt);

        // Before writes move: a new row is still indexed under the first key, and nothing can be rebuilt yet.
        await AddAsync(app, new Customer { Id = 4, Name = "Margaret", Email = "margaret@example.com" });
        Assert.Equal(4, (await StoredIndexesAsync(app)).Count(index => index.EndsWith("==", StringComparison.Ordinal)));
        await using (var early = app.NewContext())
        {
            var deferred = await early.ReencryptAsync();
            Assert.Equal(rotation.WritesMoveAt, deferred.BlindIndexRebuildDeferredUntil);
            Assert.Null(deferred.RetiredBlindIndexKeyId);
        }

        clock.Advance(RefreshInterval * 2);
        await AddAsync(app, new Customer { Id = 5, Name = "Barbara", Email = "barbara@example.com" });
        var stored = await StoredIndexesAsync(app);
        Assert.Single(stored, index => index.StartsWith("2.", StringComparison.Ordinal));
        Assert.Equal(4, stored.Count(index => index.EndsWith("==", StringComparison.Ordinal)));

        // Mixed keys: constants compiled before the rotation, variables, compiled queries, Contains and != all
        // see rows under both keys, in this instance and in one that starts now.
        string[] everyone = ["ada@example.com", "grace@example.com", "linus@example.com", "margaret@example.com", "barbara@example.com"];
        await AssertFindsAsync(app, everyone);
        using (var other = Track(app.AnotherInstance(Target, o => o.KeyRefreshInterval = RefreshInterval, clock)))
        {
            await AssertFindsAsync(other, everyone, compiled: false);
        }

        // The rebuild runs as soon as writes have moved; the old key is retired one interval later, when even an
        // instance whose clock runs behind has stopped writing under it.
        await using (var db = app.NewContext())
        {
            var rebuild = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 2 });
            Assert.Equal(4, rebuild.TotalRows);
            Assert.Null(rebuild.RetiredBlindIndexKeyId);
            Assert.Equal(rotation.WritesMoveAt + RefreshInterval, rebuild.BlindIndexRetirementDeferredUntil);
        }

        Assert.All(await StoredIndexesAsync(app), index => Assert.StartsWith("2.", index, StringComparison.Ordinal));
        await AssertFindsAsync(app, everyone);
        clock.Advance(RefreshInterval);
        ReencryptionReport report;
        await using (var db = app.NewContext())
        {
            report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 2 });
        }

        Assert.Equal(0, report.TotalRows);
        Assert.Equal(firstKey, report.RetiredBlindIndexKeyId);
        await using (var keys = app.NewContext())
        {
            Assert.Equal(DataKeyStatus.Retired, (await keys.GetDataKeysAsync()).Single(k => k.Id == firstKey).Status);
        }

        await AssertFindsAsync(app, everyone);
        await using (var db = app.NewContext())
        {
            var ada = await db.Customers.SingleAsync(c => c.Email == "ada@example.com");
            ada.Email = "countess@example.com";
            await db.SaveChangesAsSystemAsync();
        }

        await using var read = app.NewContext();
        Assert.False(await read.Customers.AnyAsync(c => c.Email == "ada@example.com"));
        Assert.Equal(1, (await read.Customers.SingleAsync(c => c.Email == "countess@example.com")).Id);
    }

    [SkippableFact]
    public async Task A_lookup_compares_one_index_outside_a_rotation_and_two_during_one()
    {
        var app = await SeedAsync();
        Assert.Equal(1, await IndexComparisonsOfLookupAsync(app));
        Assert.Equal(2, await IndexComparisonsOfCompiledLookupAsync(app));

        await using (var db = app.NewContext())
        {
            await db.RotateBlindIndexKeyAsync();
        }

        Assert.Equal(2, await IndexComparisonsOfLookupAsync(app));
        clock.Advance(RefreshInterval * 3);
        await using (var db = app.NewContext())
        {
            Assert.NotNull((await db.ReencryptAsync()).RetiredBlindIndexKeyId);
        }

        Assert.Equal(1, await IndexComparisonsOfLookupAsync(app));

        // A query compiled with EF.CompileQuery keeps its shape for good, so it always compares under both keys.
        Assert.Equal(2, await IndexComparisonsOfCompiledLookupAsync(app));
    }

    [SkippableFact]
    public async Task An_instance_that_learns_of_a_rotation_by_refresh_keeps_writing_under_the_old_key_until_writes_move()
    {
        var app = await SeedAsync();
        using var other = Track(app.AnotherInstance(Target, o => o.KeyRefreshInterval = RefreshInterval, clock));
        await AssertFindsAsync(other, ["ada@example.com"], compiled: false);
        BlindIndexRotation rotation;
        await using (var db = app.NewContext())
        {
            rotation = await db.RotateBlindIndexKeyAsync();
        }

        // The other instance learns of the new key with its next refresh, and must still write under the old one.
        clock.Advance(RefreshInterval + TimeSpan.FromSeconds(1));
        await AssertFindsAsync(other, ["ada@example.com", "grace@example.com"], compiled: false);
        await AddAsync(other, new Customer { Id = 4, Name = "Margaret", Email = "margaret@example.com" });
        Assert.All(await StoredIndexesAsync(app), index => Assert.EndsWith("==", index, StringComparison.Ordinal));
        await using (var early = other.NewContext())
        {
            var report = await early.ReencryptAsync();
            Assert.Equal(rotation.WritesMoveAt, report.BlindIndexRebuildDeferredUntil);
            Assert.Null(report.RetiredBlindIndexKeyId);
        }

        clock.Advance(RefreshInterval);
        await AddAsync(other, new Customer { Id = 5, Name = "Barbara", Email = "barbara@example.com" });
        Assert.Single(await StoredIndexesAsync(app), index => index.StartsWith("2.", StringComparison.Ordinal));
        await AssertFindsAsync(app, ["ada@example.com", "margaret@example.com", "barbara@example.com"]);
        await AssertFindsAsync(other, ["ada@example.com", "margaret@example.com", "barbara@example.com"], compiled: false);
    }

    [SkippableFact]
    public async Task A_row_indexed_under_the_old_key_after_the_rotation_ended_is_repaired_by_the_next_run()
    {
        var app = await SeedAsync();
        var oldIndex = (await StoredIndexesAsync(app, id: 1)).Single();
        await using (var db = app.NewContext())
        {
            await db.RotateBlindIndexKeyAsync();
            clock.Advance(RefreshInterval * 3);
            Assert.NotNull((await db.ReencryptAsync()).RetiredBlindIndexKeyId);

            // As an instance with a clock far behind would have written it.
            await db.Database.ExecuteSqlAsync($"""UPDATE "Customers" SET "EmailBlindIndex" = {oldIndex} WHERE "Id" = 1""");
            Assert.False(await db.Customers.AnyAsync(c => c.Email == "ada@example.com"));
            var repair = await db.ReencryptAsync();
            Assert.Equal(1, repair.TotalRows);
        }

        Assert.All(await StoredIndexesAsync(app), index => Assert.StartsWith("2.", index, StringComparison.Ordinal));
        await AssertFindsAsync(app, ["ada@example.com", "grace@example.com", "linus@example.com"]);
    }

    [SkippableFact]
    public async Task A_query_refused_while_compiling_leaves_nothing_that_narrows_a_later_compiled_query()
    {
        var app = await SeedAsync();
        var compiled = EF.CompileQuery((TestDbContext db, string email) => db.Customers.Single(c => c.Email == email));
        await using var db = app.NewContext();

        // Synchronous, so that both compilations run on this thread.
        Assert.Throws<PrivacyQueryException>(() => db.Customers.OrderBy(c => c.Email).ToList());
        app.Sql.Clear();
        Assert.Equal(2, compiled(db, "grace@example.com").Id);
        Assert.Equal(2, IndexComparisons(app));
    }

    [SkippableFact]
    public async Task A_second_rotation_waits_for_the_first_to_finish_and_then_starts_the_next_generation()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        await db.RotateBlindIndexKeyAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.RotateBlindIndexKeyAsync());
        Assert.Contains("already under way", refused.Message, StringComparison.Ordinal);

        clock.Advance(RefreshInterval * 3);
        Assert.NotNull((await db.ReencryptAsync()).RetiredBlindIndexKeyId);
        var third = await db.RotateBlindIndexKeyAsync();
        Assert.Equal(3, third.Generation);
        clock.Advance(RefreshInterval * 3);
        var report = await db.ReencryptAsync();
        Assert.Equal(BlindIndexKey.IdFor(2), report.RetiredBlindIndexKeyId);
        Assert.All(await StoredIndexesAsync(app), index => Assert.StartsWith("3.", index, StringComparison.Ordinal));
        await AssertFindsAsync(app, ["ada@example.com", "grace@example.com", "linus@example.com"]);
        Assert.Equal(
            [DataKeyStatus.Retired, DataKeyStatus.Retired, DataKeyStatus.Active],
            (await db.GetDataKeysAsync()).Where(k => k.Kind == DataKeyKind.BlindIndex).OrderBy(k => k.Id).Select(k => k.Status));
    }

    [SkippableFact]
    public async Task Two_instances_rotating_at_once_start_one_rotation()
    {
        var app = await SeedAsync();
        using var other = Track(app.AnotherInstance(Target, o => o.KeyRefreshInterval = RefreshInterval, clock));
        await using var first = app.NewContext();
        await using var second = other.NewContext();
        var outcomes = await Task.WhenAll(TryRotateAsync(first), TryRotateAsync(second));
        Assert.Contains(outcomes, rotation => rotation is not null);
        Assert.All(outcomes.OfType<BlindIndexRotation>(), rotation => Assert.Equal(BlindIndexKey.IdFor(2), rotation.KeyId));
        Assert.Equal(2, (await first.GetDataKeysAsync()).Count(k => k.Kind == DataKeyKind.BlindIndex && k.Status == DataKeyStatus.Active));

        static async Task<BlindIndexRotation?> TryRotateAsync(TestDbContext db)
        {
            try
            {
                return await db.RotateBlindIndexKeyAsync();
            }
            catch (InvalidOperationException refused) when (refused.Message.Contains("already under way", StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    [SkippableFact]
    public async Task An_interrupted_rebuild_leaves_whole_batches_and_a_second_run_finishes_it()
    {
        var app = await SeedAsync(extraRows: 37);
        await using (var db = app.NewContext())
        {
            await db.RotateBlindIndexKeyAsync();
        }

        clock.Advance(RefreshInterval * 3);
        using var cancel = new CancellationTokenSource();
        var batches = 0;
        var progress = new SynchronousProgress<ReencryptionProgress>(_ =>
        {
            if (++batches == 2)
            {
                cancel.Cancel();
            }
        });
        await using (var db = app.NewContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.ReencryptAsync(new ReencryptionOptions { BatchSize = 10 }, progress, cancel.Token));
        }

        Assert.Equal(20, (await StoredIndexesAsync(app)).Count(index => index.StartsWith("2.", StringComparison.Ordinal)));
        await using (var keys = app.NewContext())
        {
            Assert.Equal(2, (await keys.GetDataKeysAsync()).Count(k => k.Kind == DataKeyKind.BlindIndex && k.Status == DataKeyStatus.Active));
        }

        // Mid-rebuild every row is still found, whichever key indexes it.
        await AssertFindsAsync(app, ["ada@example.com", "extra-0@example.com", "extra-36@example.com"]);
        await using (var db = app.NewContext())
        {
            var report = await db.ReencryptAsync(new ReencryptionOptions { BatchSize = 10 });
            Assert.Equal(20, report.TotalRows);
            Assert.Equal(BlindIndexKey.IdFor(1), report.RetiredBlindIndexKeyId);
        }

        Assert.All(await StoredIndexesAsync(app), index => Assert.StartsWith("2.", index, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_unique_searchable_property_stays_unique_across_the_two_keys()
    {
        // About the unique index, not access: every write is the application's own.
        using var system = Privacy.System("test: unique logins");
        var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            db.Accounts.AddRange(new Account { Id = 1, CustomerId = 1, Login = "ada" }, new Account { Id = 2, CustomerId = 2, Login = "grace" });
            await db.SaveChangesAsync();
            await db.RotateBlindIndexKeyAsync();
        }

        clock.Advance(RefreshInterval * 2);
        await using (var duplicate = app.NewContext())
        {
            // "ada" is stored under the old key, so the unique index alone would not see the new row.
            duplicate.Accounts.Add(new Account { Id = 3, CustomerId = 3, Login = "ada" });
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
            Assert.Contains("Account.Login", refused.Message, StringComparison.Ordinal);
        }

        await using (var detached = app.NewContext())
        {
            // An update of a detached entity (original values equal to the new ones) is checked too.
            detached.Accounts.Update(new Account { Id = 2, CustomerId = 2, Login = "ada" });
            await Assert.ThrowsAsync<DbUpdateException>(() => detached.SaveChangesAsync());
        }

        await using (var rename = app.NewContext())
        {
            // Saving a row with its own value again is no conflict with itself.
            var grace = await rename.Accounts.SingleAsync(a => a.Login == "grace");
            grace.Login = "grace";
            rename.Entry(grace).Property(a => a.Login).IsModified = true;
            await rename.SaveChangesAsync();
            rename.Accounts.Add(new Account { Id = 4, CustomerId = 3, Login = "linus" });
            await rename.SaveChangesAsync();
        }

        await using var read = app.NewContext();
        Assert.Equal(3, await read.Accounts.CountAsync());
        Assert.Equal(4, (await read.Accounts.SingleAsync(a => a.Login == "linus")).Id);
    }

    public void Dispose()
    {
        apps.ForEach(app => app.Dispose());
        GC.SuppressFinalize(this);
    }

    private PrivacyApp Track(PrivacyApp app)
    {
        apps.Add(app);
        return app;
    }

    private async Task<PrivacyApp> SeedAsync(int extraRows = 0)
    {
        var app = Track(PrivacyApp.Create(Target, configure: o => o.KeyRefreshInterval = RefreshInterval, clock: clock));
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.AddRange(
            new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" },
            new Customer { Id = 2, Name = "Grace", Email = "grace@example.com" },
            new Customer { Id = 3, Name = "Linus", Email = "linus@example.com" });
        db.Customers.AddRange(Enumerable.Range(0, extraRows).Select(i => new Customer { Id = 100 + i, Name = "Extra", Email = $"extra-{i}@example.com" }));
        await db.SaveChangesAsSystemAsync();
        return app;
    }

    private static async Task AddAsync(PrivacyApp app, Customer customer)
    {
        await using var db = app.NewContext();
        db.Customers.Add(customer);
        await db.SaveChangesAsSystemAsync();
    }

    /// <summary>Looks every address up by constant, captured variable, compiled query, Contains and !=.</summary>
    /// <param name="compiled">False for another instance: a compiled query belongs to the model it first ran against.</param>
    private async Task AssertFindsAsync(PrivacyApp app, string[] emails, bool compiled = true)
    {
        await using var db = app.NewContext();
        Assert.Equal("Ada", (await db.Customers.SingleAsync(c => c.Email == "ada@example.com")).Name);
        if (compiled)
        {
            Assert.Equal("Ada", (await compiledAda(db))?.Name);
        }
        foreach (var email in emails)
        {
            var wanted = email;
            Assert.Equal(email, (await db.Customers.SingleAsync(c => c.Email == wanted)).Email);
            if (compiled)
            {
                Assert.Equal(email, (await compiledByEmail(db, email))?.Email);
            }
        }

        var list = emails.ToList();
        Assert.Equal(emails.Length, await db.Customers.CountAsync(c => list.Contains(c.Email)));
        var total = await db.Customers.CountAsync();
        var first = emails[0];
        Assert.Equal(total - 1, await db.Customers.CountAsync(c => c.Email != first));
    }

    private static async Task<int> IndexComparisonsOfLookupAsync(PrivacyApp app)
    {
        app.Sql.Clear();
        await using var db = app.NewContext();
        var wanted = "grace@example.com";
        Assert.Equal(2, (await db.Customers.SingleAsync(c => c.Email == wanted)).Id);
        return IndexComparisons(app);
    }

    private async Task<int> IndexComparisonsOfCompiledLookupAsync(PrivacyApp app)
    {
        app.Sql.Clear();
        await using var db = app.NewContext();
        Assert.Equal(2, (await compiledByEmail(db, "grace@example.com"))?.Id);
        return IndexComparisons(app);
    }

    private static int IndexComparisons(PrivacyApp app)
    {
        var lookup = Assert.Single(app.Sql.Commands, sql => sql.Contains("FROM \"Customers\"", StringComparison.Ordinal));
        return lookup.Split("\"EmailBlindIndex\" = ").Length - 1;
    }

    private static async Task<List<string>> StoredIndexesAsync(PrivacyApp app, int? id = null)
    {
        await using var db = app.NewContext();
        var indexes = id is { } one
            ? db.Database.SqlQuery<string>($"""SELECT "EmailBlindIndex" AS "Value" FROM "Customers" WHERE "Id" = {one}""")
            : db.Database.SqlQuery<string>($"""SELECT "EmailBlindIndex" AS "Value" FROM "Customers" """);
        return await indexes.ToListAsync();
    }
}
