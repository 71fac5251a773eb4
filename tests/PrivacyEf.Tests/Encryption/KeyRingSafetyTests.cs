using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Access;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Encryption;

/// <summary>
/// An instance never writes what the right key ring could not read back: not with a wrong or empty Data Protection
/// key ring (a missing volume), whether the model has searchable columns or not, and not after the row of the key
/// it writes with has vanished from the key table. The right ring, back again, reads and writes everything.
/// </summary>
public abstract class KeyRingSafetyTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_instance_with_a_key_ring_that_cannot_unwrap_the_stored_keys_writes_nothing(bool ringHasKeysOfItsOwn)
    {
        // A model without searchable columns: nothing but the data key itself needs the ring at write time.
        using var right = await AccessApp.CreateAsync(Target);
        using var other = await AccessApp.CreateAsync(Target);
        using var wrong = ringHasKeysOfItsOwn
            ? AccessApp.On(Target, right.Database, other.KeyRingDirectory)
            : await AccessApp.OpenAsync(Target, right.Database);
        await using (var db = wrong.NewContext())
        using (Privacy.System("test: a write with the wrong key ring"))
        {
            db.Patrons.Add(new Patron { Id = 7, Name = "Written under the wrong ring", Email = "wrong@example.com", Tier = "basic" });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("key ring cannot unwrap", refused.Message, StringComparison.Ordinal);
        }

        await using (var db = right.NewContext())
        using (Privacy.System("test: the right ring is back"))
        {
            Assert.False(await db.Patrons.IgnoreQueryFilters().AnyAsync(p => p.Id == 7));
            db.Patrons.Add(new Patron { Id = 8, Name = "Written under the right ring", Email = "right@example.com", Tier = "basic" });
            await db.SaveChangesAsync();
            Assert.Equal(
                ["Ada Lovelace", "Grace Hopper", "Zoë Ünal", "Written under the right ring"],
                await db.Patrons.IgnoreQueryFilters().OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task With_searchable_columns_a_wrong_key_ring_writes_nothing_either()
    {
        using var system = Privacy.System("test: key ring safety");
        using var right = PrivacyApp.Create(Target);
        await using (var db = await right.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada Lovelace", Email = "ada@example.com" });
            await db.SaveChangesAsync();
        }

        using var wrong = PrivacyApp.Create(Target, right.Database);
        await using (var db = wrong.NewContext())
        {
            db.Customers.Add(new Customer { Id = 2, Name = "Grace Hopper", Email = "grace@example.com" });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("key ring cannot unwrap", refused.Message, StringComparison.Ordinal);
        }

        await using (var db = right.NewContext())
        {
            Assert.Equal(["ada@example.com"], await db.Customers.Select(c => c.Email).ToListAsync());
        }
    }

    [SkippableFact]
    public async Task A_vanished_key_row_stops_writes_at_the_next_refresh()
    {
        using var system = Privacy.System("test: key ring safety");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var app = PrivacyApp.Create(Target, clock: clock);
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.Add(new Customer { Id = 1, Name = "Ada Lovelace", Email = "ada@example.com" });
        await db.SaveChangesAsync();

        var backup = await db.Set<PrivacyDataKey>().AsNoTracking().ToListAsync();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM privacy_data_keys");
        clock.Advance(TimeSpan.FromMinutes(6));
        db.Customers.Add(new Customer { Id = 2, Name = "Grace Hopper", Email = "grace@example.com" });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("is no longer in the key table", refused.Message, StringComparison.Ordinal);

        // Refused again, at once: never written with the cached key, and the key is not brought back from memory
        // (its row may have been deleted on purpose).
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM privacy_data_keys").SingleAsync());
        db.ChangeTracker.Clear();
        Assert.Equal(1, await db.Customers.CountAsync());

        // The rows restored from the backup: writes resume with the same key, and a new instance reads everything.
        db.AddRange(backup);
        await db.SaveChangesAsync();
        db.Customers.Add(new Customer { Id = 2, Name = "Grace Hopper", Email = "grace@example.com" });
        await db.SaveChangesAsync();
        using var restarted = app.AnotherInstance(Target);
        await using var after = restarted.NewContext();
        Assert.Equal(["ada@example.com", "grace@example.com"], await after.Customers.OrderBy(c => c.Id).Select(c => c.Email).ToListAsync());
    }
}
