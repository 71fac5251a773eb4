using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Shapes;

namespace PrivacyEf.Tests.Encryption;

/// <summary>
/// Models beyond the plain one: a rotation whose rebuild could not reach every blind index is refused before it
/// starts; rows hidden by a global query filter, and the rows of a table-per-type hierarchy, are rebuilt.
/// </summary>
public sealed class BlindIndexRotationModelTests : IDisposable
{
    private readonly SqliteTarget target = new();
    private readonly string keys = Directory.CreateTempSubdirectory("privacyef-keys-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> providers = [];

    [Fact]
    public async Task A_searchable_property_of_an_owned_type_refuses_the_rotation_and_names_itself()
    {
        await using var db = await CreateDatabaseAsync<MemberDbContext>("members");

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => db.RotateBlindIndexKeyAsync());
        Assert.Contains("MemberContact.Email", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.GetDataKeysAsync(), k => k.Kind == DataKeyKind.BlindIndex && k.Id != BlindIndexKey.IdFor(1));
    }

    [Fact]
    public async Task Rows_hidden_by_a_global_query_filter_are_rebuilt_and_the_rotation_ends()
    {
        await using var db = await CreateDatabaseAsync<FilteredDbContext>("filtered");
        db.Customers.AddRange(
            new Model.Customer { Id = 1, Name = "Ada", Email = "ada@example.com" },
            new Model.Customer { Id = 2, Name = "Grace", Email = "grace@example.com", Segment = "archived" });
        await db.SaveChangesAsSystemAsync();

        await RotateAndRebuildAsync(db, expectedRows: 2);
        Assert.Equal(2, (await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Email == "grace@example.com")).Id);
    }

    [Fact]
    public async Task A_table_per_type_hierarchy_is_rebuilt_through_the_base_table()
    {
        await using var db = await CreateDatabaseAsync<PersonDbContext>("people");
        db.People.Add(new Person { Id = 1, Email = "ada@example.com" });
        db.Employees.Add(new Employee { Id = 2, Email = "grace@example.com", Department = "Navy" });
        await db.SaveChangesAsSystemAsync();

        await RotateAndRebuildAsync(db, expectedRows: 2);
        Assert.Equal(2, (await db.Employees.SingleAsync(e => e.Email == "grace@example.com")).Id);
        Assert.Equal(1, (await db.People.SingleAsync(p => p.Email == "ada@example.com")).Id);
    }

    public void Dispose()
    {
        providers.ForEach(provider => provider.Dispose());
        target.Dispose();
        Directory.Delete(keys, recursive: true);
    }

    /// <summary>Rotates, lets writes move and the retirement interval pass, and rebuilds in one run.</summary>
    private async Task RotateAndRebuildAsync(DbContext db, int expectedRows)
    {
        await db.RotateBlindIndexKeyAsync();
        clock.Advance(TimeSpan.FromMinutes(3));
        var report = await db.ReencryptAsync();
        Assert.Equal(expectedRows, report.TotalRows);
        Assert.Equal(BlindIndexKey.IdFor(1), report.RetiredBlindIndexKeyId);
    }

    private async Task<TContext> CreateDatabaseAsync<TContext>(string database)
        where TContext : DbContext
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(new DirectoryInfo(keys));
        collection.AddPrivacy(o =>
        {
            o.WithoutScope = UnscopedAccess.Disclose;
            o.KeyRefreshInterval = TimeSpan.FromMinutes(1);
        });
        collection.AddDbContextFactory<TContext>((sp, options) => target.UseDatabase(options.UsePrivacy(sp), database));
        var services = collection.BuildServiceProvider();
        providers.Add(services);
        var db = await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        return db;
    }
}
