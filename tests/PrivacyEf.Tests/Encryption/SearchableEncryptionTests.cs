using Microsoft.EntityFrameworkCore;
using PrivacyEf.Encryption;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Encryption;

/// <summary>Equality lookups on encrypted columns through their blind index, and the operations that must refuse.</summary>
public abstract class SearchableEncryptionTests(DatabaseTarget target) : IDisposable
{
    // Per test, not static: a compiled query belongs to the model it first ran against, and every
    // application here has its own model.
    private readonly Func<TestDbContext, string, IAsyncEnumerable<Customer>> compiledByEmail =
        EF.CompileAsyncQuery((TestDbContext db, string email) => db.Customers.Where(c => c.Email == email));

    private readonly List<PrivacyApp> apps = [];

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Equality_finds_the_row_by_constant_captured_variable_and_compiled_query()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        Assert.Equal(2, (await db.Customers.SingleAsync(c => c.Email == "grace@example.com")).Id);

        var wanted = "ada@example.com";
        Assert.Equal(1, (await db.Customers.SingleAsync(c => c.Email == wanted)).Id);
        wanted = "linus@example.com";
        Assert.Equal(3, (await db.Customers.SingleAsync(c => c.Email == wanted)).Id);

        var compiled = new List<Customer>();
        await foreach (var customer in compiledByEmail(db, "grace@example.com"))
        {
            compiled.Add(customer);
        }

        Assert.Equal(2, Assert.Single(compiled).Id);
        Assert.Empty(await db.Customers.Where(c => c.Email == "nobody@example.com").ToListAsync());
    }

    [SkippableFact]
    public async Task Not_equal_and_contains_use_the_blind_index()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        Assert.Equal([1, 3], await db.Customers.Where(c => c.Email != "grace@example.com").OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

        var list = new List<string> { "ada@example.com", "linus@example.com", "nobody@example.com" };
        Assert.Equal([1, 3], await db.Customers.Where(c => list.Contains(c.Email)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

        string[] array = ["grace@example.com"];
        Assert.Equal([2], await db.Customers.Where(c => array.Contains(c.Email)).Select(c => c.Id).ToListAsync());
    }

    [SkippableFact]
    public async Task Null_comparisons_work_on_encrypted_columns()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        Assert.Equal([2], await db.Customers.Where(c => c.Phone == null).Select(c => c.Id).ToListAsync());
        Assert.Equal([1, 3], await db.Customers.Where(c => c.Phone != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
    }

    [SkippableFact]
    public async Task An_updated_value_is_found_by_its_new_value_only()
    {
        var app = await SeedAsync();
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
    public async Task A_fresh_instance_finds_rows_with_its_first_query()
    {
        var app = await SeedAsync();
        using var other = app.AnotherInstance(Target);
        await using var db = other.NewContext();
        Assert.Equal(3, (await db.Customers.SingleAsync(c => c.Email == "linus@example.com")).Id);
    }

    [SkippableFact]
    public async Task Case_insensitive_normalization_matches_any_case()
    {
        var app = Track(PrivacyApp.Create(Target, configure: o => o.NormalizeSearch<Customer>(c => c.Email, SearchNormalization.CaseInsensitive)));
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "Ada.Lovelace@Example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        await using var read = app.NewContext();
        Assert.Equal("Ada.Lovelace@Example.com", (await read.Customers.SingleAsync(c => c.Email == "  ada.lovelace@example.COM ")).Email);
    }

    [SkippableFact]
    public async Task Exact_match_is_the_default()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        Assert.False(await db.Customers.AnyAsync(c => c.Email == "ADA@example.com"));
    }

    [SkippableFact]
    public async Task A_unique_index_on_a_searchable_property_is_enforced_on_its_blind_index()
    {
        var app = Track(PrivacyApp.Create(Target));
        await using (var db = await app.CreateDatabaseAsync())
        {
            var index = Assert.Single(db.Model.FindEntityType(typeof(Account))!.GetIndexes());
            Assert.True(index.IsUnique);
            Assert.Equal("LoginBlindIndex", Assert.Single(index.Properties).Name);
            db.Accounts.Add(new Account { Id = 1, CustomerId = 1, Login = "ada" });
            await db.SaveChangesAsSystemAsync();
        }

        await using var duplicate = app.NewContext();
        duplicate.Accounts.Add(new Account { Id = 2, CustomerId = 2, Login = "ada" });
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsSystemAsync());
    }

    [SkippableFact]
    public async Task Operations_that_need_plaintext_in_the_database_refuse_naming_the_property()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        await AssertRefusedAsync("Email", "order by it", () => db.Customers.OrderBy(c => c.Email).ToListAsync());
        await AssertRefusedAsync("Email", "order by it", () => db.Customers.OrderBy(c => c.Id).ThenByDescending(c => c.Email).ToListAsync());
        await AssertRefusedAsync("Email", "StartsWith", () => db.Customers.Where(c => c.Email.StartsWith("ada")).ToListAsync());
        await AssertRefusedAsync("Email", "Contains", () => db.Customers.Where(c => c.Email.Contains("example")).ToListAsync());
        await AssertRefusedAsync("Email", "Like", () => db.Customers.Where(c => EF.Functions.Like(c.Email, "%ada%")).ToListAsync());
        await AssertRefusedAsync("Email", "group by it", () => db.Customers.GroupBy(c => c.Email).Select(g => g.Key).ToListAsync());
        await AssertRefusedAsync("Email", "Compare", () => db.Customers.Where(c => string.Compare(c.Email, "m") > 0).ToListAsync());
        await AssertRefusedAsync("Name", "look it up by value", () => db.Customers.Where(c => c.Name == "Ada").ToListAsync());
        await AssertRefusedAsync("Email", "Distinct", () => db.Customers.Select(c => c.Email).Distinct().ToListAsync());
        await AssertRefusedAsync("Email", "IndexOf", () => db.Customers.Select(c => c.Email.IndexOf('@')).ToListAsync());
        await AssertRefusedAsync("Email", "measure its length", () => db.Customers.Select(c => c.Email.Length).ToListAsync());
    }

    [SkippableFact]
    public async Task Projections_of_encrypted_properties_still_decrypt()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        var rows = await db.Customers.Where(c => c.Email == "ada@example.com").Select(c => new { c.Id, c.Email, c.Name }).ToListAsync();
        Assert.Equal(("ada@example.com", "Ada"), (Assert.Single(rows).Email, rows[0].Name));
    }

    public void Dispose()
    {
        apps.ForEach(app => app.Dispose());
        GC.SuppressFinalize(this);
    }

    protected PrivacyApp Track(PrivacyApp app)
    {
        apps.Add(app);
        return app;
    }

    private async Task<PrivacyApp> SeedAsync()
    {
        var app = Track(PrivacyApp.Create(Target));
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.AddRange(
            new Customer { Id = 1, Name = "Ada", Email = "ada@example.com", Phone = "+44 1" },
            new Customer { Id = 2, Name = "Grace", Email = "grace@example.com" },
            new Customer { Id = 3, Name = "Linus", Email = "linus@example.com", Phone = "+358 1" });
        await db.SaveChangesAsSystemAsync();
        return app;
    }

    private static async Task AssertRefusedAsync(string property, string operation, Func<Task> query)
    {
        var refused = await Assert.ThrowsAsync<PrivacyQueryException>(query);
        Assert.Equal(property, refused.PropertyName);
        Assert.Equal(nameof(Customer), refused.EntityName);
        Assert.Contains(operation, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"Customer.{property}", refused.Message, StringComparison.Ordinal);
    }
}
