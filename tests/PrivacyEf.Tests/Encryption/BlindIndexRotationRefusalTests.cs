using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Owned;

namespace PrivacyEf.Tests.Encryption;

/// <summary>
/// Models beyond the plain one: a rotation whose rebuild could not reach every blind index is refused before it
/// starts; rows hidden by a global query filter, and the rows of a table-per-type hierarchy, are rebuilt.
/// </summary>
public sealed class BlindIndexRotationRefusalTests : IDisposable
{
    private readonly SqliteTarget target = new();
    private readonly string keys = Directory.CreateTempSubdirectory("privacyef-keys-").FullName;

    [Fact]
    public async Task A_searchable_property_of_an_owned_type_refuses_the_rotation_and_names_itself()
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(keys));
        collection.AddPrivacy(o => o.WithoutScope = UnscopedAccess.Disclose);
        collection.AddDbContextFactory<MemberDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), "members"));
        await using var services = collection.BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<MemberDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => db.RotateBlindIndexKeyAsync());
        Assert.Contains("MemberContact.Email", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.GetDataKeysAsync(), k => k.Kind == PrivacyEf.Encryption.DataKeyKind.BlindIndex && k.Id != PrivacyEf.Encryption.BlindIndexKey.IdFor(1));
    }

    [Fact]
    public async Task Rows_hidden_by_a_global_query_filter_are_rebuilt_and_the_rotation_ends()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(keys));
        collection.AddPrivacy(o =>
        {
            o.WithoutScope = UnscopedAccess.Disclose;
            o.KeyRefreshInterval = TimeSpan.FromMinutes(1);
        });
        collection.AddDbContextFactory<FilteredDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), "filtered"));
        await using var services = collection.BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<FilteredDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        db.Customers.AddRange(
            new Model.Customer { Id = 1, Name = "Ada", Email = "ada@example.com" },
            new Model.Customer { Id = 2, Name = "Grace", Email = "grace@example.com", Segment = "archived" });
        await db.SaveChangesAsync();

        await db.RotateBlindIndexKeyAsync();
        clock.Advance(TimeSpan.FromMinutes(3));
        var report = await db.ReencryptAsync();

        Assert.Equal(2, report.TotalRows);
        Assert.Equal(PrivacyEf.Encryption.BlindIndexKey.IdFor(1), report.RetiredBlindIndexKeyId);
        Assert.Equal(2, (await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Email == "grace@example.com")).Id);
    }

    [Fact]
    public async Task A_table_per_type_hierarchy_is_rebuilt_through_the_base_table()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(keys));
        collection.AddPrivacy(o =>
        {
            o.WithoutScope = UnscopedAccess.Disclose;
            o.KeyRefreshInterval = TimeSpan.FromMinutes(1);
        });
        collection.AddDbContextFactory<PersonDbContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), "people"));
        await using var services = collection.BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<PersonDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        db.People.Add(new Person { Id = 1, Email = "ada@example.com" });
        db.Employees.Add(new Employee { Id = 2, Email = "grace@example.com", Department = "Navy" });
        await db.SaveChangesAsync();

        await db.RotateBlindIndexKeyAsync();
        clock.Advance(TimeSpan.FromMinutes(3));
        var report = await db.ReencryptAsync();

        Assert.Equal(2, report.TotalRows);
        Assert.Equal(PrivacyEf.Encryption.BlindIndexKey.IdFor(1), report.RetiredBlindIndexKeyId);
        Assert.Equal(2, (await db.Employees.SingleAsync(e => e.Email == "grace@example.com")).Id);
        Assert.Equal(1, (await db.People.SingleAsync(p => p.Email == "ada@example.com")).Id);
    }

    public void Dispose()
    {
        target.Dispose();
        Directory.Delete(keys, recursive: true);
    }
}
