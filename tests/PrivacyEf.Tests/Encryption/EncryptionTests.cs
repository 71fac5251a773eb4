using System.Text;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

/// <summary>Encryption behaviour every provider must show; each provider runs these through a subclass.</summary>
public abstract class EncryptionTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    public static TheoryData<string> Texts => new()
    {
        "",
        "ada@example.com",
        "Zoë Ünal-Ørsted",
        "李小龙 · محمد · Ελένη · 🙂👩🏽‍💻 · e\u0301",
        "line one\nline two\ttabbed\0nul",
    };

    [SkippableTheory]
    [MemberData(nameof(Texts))]
    public async Task Strings_round_trip_exactly(string text)
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        int id;
        await using (var db = await app.CreateDatabaseAsync())
        {
            var customer = new Customer { Name = text, Email = text, Phone = text };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            id = customer.Id;
        }

        await using var read = app.NewContext();
        var loaded = await read.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(text, loaded.Name);
        Assert.Equal(text, loaded.Email);
        Assert.Equal(text, loaded.Phone);
    }

    [SkippableFact]
    public async Task Null_stays_null_and_bytes_round_trip()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        var scan = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray();
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "a", Email = "a@x", Phone = null, PassportScan = null });
            db.Customers.Add(new Customer { Id = 2, Name = "b", Email = "b@x", Phone = "+49 30 1234", PassportScan = scan });
            db.Customers.Add(new Customer { Id = 3, Name = "c", Email = "c@x", PassportScan = [] });
            await db.SaveChangesAsync();
        }

        await using var read = app.NewContext();
        var all = await read.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Null(all[0].Phone);
        Assert.Null(all[0].PassportScan);
        Assert.Equal("+49 30 1234", all[1].Phone);
        Assert.Equal(scan, all[1].PassportScan);
        Assert.Empty(all[2].PassportScan!);
    }

    [SkippableFact]
    public async Task A_one_megabyte_string_round_trips_sync_and_async()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        var big = string.Concat(Enumerable.Repeat("Grüße 🙂 ", 1024 * 1024 / 9)) + "end";
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = big, Email = "x@y" });
            db.SaveChanges();
        }

        await using var read = app.NewContext();
        Assert.Equal(big, read.Customers.AsNoTracking().Single().Name);
        Assert.Equal(big, (await read.Customers.AsNoTracking().SingleAsync()).Name);
    }

    [SkippableFact]
    public async Task Updates_re_encrypt_and_read_back()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Before", Email = "before@x" });
            await db.SaveChangesAsync();
            var tracked = await db.Customers.SingleAsync();
            tracked.Email = "after@x";
            await db.SaveChangesAsync();
        }

        await using var read = app.NewContext();
        var loaded = await read.Customers.SingleAsync();
        Assert.Equal("after@x", loaded.Email);
        Assert.Equal("Before", loaded.Name);
    }

    [SkippableFact]
    public async Task An_unpaired_surrogate_is_refused_with_entity_and_property_and_nothing_is_saved()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "ok\uD800", Email = "a@x" });
            await PrivacyAssert.ThrowsCryptographicAsync(nameof(Customer), nameof(Customer.Name), () => db.SaveChangesAsync());
        }

        await using var read = app.NewContext();
        Assert.Equal(0, await read.Customers.CountAsync());
    }

    [SkippableFact]
    public async Task The_model_is_configured_without_OnModelCreating()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await using var db = app.NewContext();
        var customer = db.Model.FindEntityType(typeof(Customer))!;
        Assert.IsType<EncryptedStringConverter>(customer.FindProperty(nameof(Customer.Email))!.GetValueConverter());
        Assert.IsType<EncryptedBytesConverter>(customer.FindProperty(nameof(Customer.PassportScan))!.GetValueConverter());
        Assert.Null(customer.FindProperty(nameof(Customer.PreferredLanguage))!.GetValueConverter());
        Assert.Null(customer.FindProperty(nameof(Customer.Segment))!.GetValueConverter());
        Assert.NotNull(db.Model.FindEntityType(typeof(PrivacyDataKey)));
    }

    [SkippableFact]
    public async Task Concurrent_first_writes_create_a_single_data_key()
    {
        // These tests are about ciphertext, not access: read as the system, which sees every value.
        using var system = Privacy.System("test: encryption round trips");
        using var app = PrivacyApp.Create(Target);
        await (await app.CreateDatabaseAsync()).DisposeAsync();
        await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            await using var db = app.NewContext();
            db.Customers.Add(new Customer { Id = i, Name = "n" + i, Email = $"{i}@x" });
            await db.SaveChangesAsync();
        }));

        await using var read = app.NewContext();
        Assert.Equal(8, await read.Customers.CountAsync());
        Assert.Equal(1, await read.Set<PrivacyDataKey>().CountAsync(k => k.Kind == DataKeyKind.Data));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"{i}@x"), await read.Customers.OrderBy(c => c.Id).Select(c => c.Email).ToListAsync());
    }

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
