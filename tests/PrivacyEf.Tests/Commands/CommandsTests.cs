using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Commands;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;
using PrivacyEf.Tests.Redaction;
using Spectre.Console.Testing;

namespace PrivacyEf.Tests.Commands;

/// <summary>The host commands, run the way a host runs them: parsed from arguments and invoked, writing to a console.</summary>
public abstract class CommandsTests(DatabaseTarget target)
{
    private const string OriginalBody = "my card was charged twice";

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Purge_dry_run_reports_what_it_would_do_and_changes_nothing_then_the_real_run_anonymizes()
    {
        using var app = PrivacyApp.Create(Target);
        await SeedTicketsAsync(app);

        var dryConsole = new TestConsole();
        var dryExit = await InvokeAsync(app.Services, dryConsole, "purge", "--dry-run");

        Assert.Equal(0, dryExit);
        Assert.Contains("dry run", dryConsole.Output, StringComparison.Ordinal);
        Assert.Contains(nameof(SupportTicket), dryConsole.Output, StringComparison.Ordinal);
        Assert.Contains("Total: 0 would delete, 3 would anonymize, 1 held, 0 refused", dryConsole.Output, StringComparison.Ordinal);
        Assert.Equal(5, await CountOriginalBodiesAsync(app));

        var console = new TestConsole();
        var exit = await InvokeAsync(app.Services, console, "purge", "--batch-size", "2");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("dry run", console.Output, StringComparison.Ordinal);
        Assert.Contains("Total: 0 deleted, 3 anonymized, 1 held, 0 refused", console.Output, StringComparison.Ordinal);
        Assert.Equal(2, await CountOriginalBodiesAsync(app));
        await using var db = app.NewContext();
        var kept = await db.SupportTickets.AsNoTracking().Where(t => t.Body == OriginalBody).Select(t => t.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal([4, 5], kept);
    }

    [SkippableFact]
    public async Task Reencrypt_moves_every_row_to_the_rotated_key_and_sums_them_up()
    {
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            for (var i = 1; i <= 12; i++)
            {
                db.Customers.Add(new Customer { Id = i, Name = "Customer " + i, Email = $"user{i}@example.com" });
            }

            await db.SaveChangesAsSystemAsync();
            await db.RotateDataKeyAsync();
        }

        var console = new TestConsole();
        var exit = await InvokeAsync(app.Services, console, "reencrypt", "--batch-size", "5");

        Assert.Equal(0, exit);
        Assert.Contains(nameof(Customer), console.Output, StringComparison.Ordinal);
        Assert.Contains("Total: 12 rows re-encrypted", console.Output, StringComparison.Ordinal);
        await using var check = app.NewContext();
        Assert.Equal(0, (await check.ReencryptAsync()).TotalRows);
        Assert.Equal("user7@example.com", (await check.Customers.AsNoTracking().SingleAsync(c => c.Id == 7)).Email);
    }

    [SkippableFact]
    public async Task Rotate_key_rotates_the_data_key_and_reencrypt_moves_the_rows()
    {
        using var app = PrivacyApp.Create(Target);
        Guid before;
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" });
            await db.SaveChangesAsSystemAsync();
            before = (await db.GetDataKeysAsync()).Single(k => k.Kind == PrivacyEf.DataKeyKind.Data).Id;
        }

        var console = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, console, "rotate-key"));
        await using var check = app.NewContext();
        var active = (await check.GetDataKeysAsync()).Single(k => k.Kind == PrivacyEf.DataKeyKind.Data && k.Status == PrivacyEf.DataKeyStatus.Active).Id;
        Assert.NotEqual(before, active);
        Assert.Contains($"Active data key: {active:N}", console.Output, StringComparison.Ordinal);
        Assert.Equal(0, await InvokeAsync(app.Services, new TestConsole(), "reencrypt"));
        Assert.Equal(0, (await check.ReencryptAsync()).TotalRows);
    }

    [SkippableFact]
    public async Task Rotate_key_for_blind_indexes_then_reencrypt_defers_rebuilds_and_retires_the_old_key_in_turn()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var app = PrivacyApp.Create(Target, configure: o => o.KeyRefreshInterval = TimeSpan.FromMinutes(1), clock: clock);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.AddRange(
                new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" },
                new Customer { Id = 2, Name = "Grace", Email = "grace@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        var rotate = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, rotate, "rotate-key", "--blind-index"));
        Assert.Contains("Blind-index key generation 2", Flatten(rotate.Output), StringComparison.Ordinal);
        Assert.Contains("2026-03-01 09:02:00Z", Flatten(rotate.Output), StringComparison.Ordinal);

        var early = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, early, "reencrypt"));
        Assert.Contains("run again after that to rebuild", Flatten(early.Output), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(2));
        var rebuild = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, rebuild, "reencrypt"));
        Assert.Contains("Total: 2 rows re-encrypted", Flatten(rebuild.Output), StringComparison.Ordinal);
        Assert.Contains("the old key can be retired from 2026-03-01 09:03:00Z", Flatten(rebuild.Output), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        var retire = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, retire, "reencrypt"));
        Assert.Contains("Blind indexes rebuilt under key generation 2; old key 00000000000000000000000000000001 retired.", Flatten(retire.Output), StringComparison.Ordinal);
        await using var check = app.NewContext();
        Assert.Equal(2, (await check.Customers.SingleAsync(c => c.Email == "grace@example.com")).Id);
    }

    [SkippableFact]
    public async Task Inventory_writes_markdown_and_json_that_name_the_entities()
    {
        using var app = PrivacyApp.Create(Target);

        var markdownConsole = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, markdownConsole, "inventory"));
        Assert.Contains(nameof(Customer), markdownConsole.Output, StringComparison.Ordinal);
        Assert.Contains(nameof(SupportTicket), markdownConsole.Output, StringComparison.Ordinal);
        Assert.StartsWith("#", markdownConsole.Output.TrimStart(), StringComparison.Ordinal);

        var jsonConsole = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, jsonConsole, "inventory", "--format", "json"));
        using var json = JsonDocument.Parse(jsonConsole.Output);
        var text = json.RootElement.GetRawText();
        Assert.Contains(nameof(Customer), text, StringComparison.Ordinal);
        Assert.Contains(nameof(SupportTicket), text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Inventory_refuses_an_unknown_format()
    {
        using var app = PrivacyApp.Create(Target);
        var console = new TestConsole();

        Assert.NotEqual(0, await InvokeAsync(app.Services, console, "inventory", "--format", "xml"));
        Assert.Empty(console.Output);
    }

    [SkippableFact]
    public async Task Verify_log_exits_0_for_an_intact_log_and_1_after_an_entry_is_altered()
    {
        using var app = PrivacyApp.Create(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.AddRange(
                new Customer { Id = 1, Name = "Ada", Email = "ada@example.com" },
                new Customer { Id = 2, Name = "Grace", Email = "grace@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            using (Privacy.System("monthly statement run"))
            {
                await db.Customers.AsNoTracking().ToListAsync();
                await db.Customers.AsNoTracking().Where(c => c.Id == 1).ToListAsync();
            }

            await db.FlushAccessLogAsync();
        }

        var intact = new TestConsole();
        Assert.Equal(0, await InvokeAsync(app.Services, intact, "verify-log"));
        Assert.Contains("access log intact", intact.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 entries checked", intact.Output, StringComparison.Ordinal);

        await using (var db = app.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE privacy_access_log SET \"Actor\" = 'x' WHERE \"Sequence\" = 1");
        }

        var broken = new TestConsole();
        Assert.Equal(1, await InvokeAsync(app.Services, broken, "verify-log"));
        Assert.Contains("access log broken at entry 1", broken.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Redact_history_of_an_unknown_entity_fails_and_names_the_entities_it_can_redact()
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        var console = new TestConsole();

        var exit = await InvokeAsync<RedactionDbContext>(app.Services, console, ["redact-history", "Invoice"]);

        Assert.Equal(1, exit);
        var output = Flatten(console.Output);
        Assert.Contains("error: 'Invoice' is not an entity type of RedactionDbContext", output, StringComparison.Ordinal);
        Assert.Contains("Entity types with [Personal(Redact = true)] text: " + nameof(SupportMessage), output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Redact_history_of_an_entity_without_redactable_text_fails_and_says_so()
    {
        using var app = PrivacyApp.Create(Target);
        await (await app.CreateDatabaseAsync()).DisposeAsync();
        var console = new TestConsole();

        var exit = await InvokeAsync(app.Services, console, "redact-history", "customer");

        Assert.Equal(1, exit);
        var output = Flatten(console.Output);
        Assert.Contains("'Customer' has no string property marked [Personal(Redact = true)]", output, StringComparison.Ordinal);
        Assert.Contains("TestDbContext has none", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Redact_history_finds_the_entity_case_insensitively_and_redacts_the_stored_rows()
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        using (var legacy = app.LegacyInstance(Target))
        {
            await using var db = legacy.NewContext();
            for (var i = 1; i <= 7; i++)
            {
                db.Messages.Add(new SupportMessage { Id = i, Author = "agent", Body = i % 2 == 0 ? "write to ada@example.com please" : "all good", Subject = "ticket" });
            }

            await db.SaveChangesAsSystemAsync();
        }

        var console = new TestConsole();
        var exit = await InvokeAsync<RedactionDbContext>(app.Services, console, ["redact-history", "supportmessage", "--batch-size", "3"]);

        Assert.Equal(0, exit);
        Assert.Contains(nameof(SupportMessage), console.Output, StringComparison.Ordinal);
        await using var read = app.NewContext();
        var bodies = await read.Messages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        Assert.DoesNotContain(bodies, b => b.Contains("ada@example.com", StringComparison.Ordinal));
        Assert.Equal(4, bodies.Count(b => b == "all good"));
    }

    [SkippableFact]
    public async Task A_cancelled_run_exits_130_and_says_how_far_it_came()
    {
        using var app = PrivacyApp.Create(Target);
        await SeedTicketsAsync(app);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        foreach (var command in new[] { "purge", "reencrypt" })
        {
            var console = new TestConsole();
            var exit = await InvokeAsync(app.Services, console, [command], cancellation.Token);

            Assert.Equal(130, exit);
            Assert.Contains("cancelled after 0 rows; run again to finish", console.Output, StringComparison.Ordinal);
        }

        Assert.Equal(5, await CountOriginalBodiesAsync(app));
    }

    [SkippableFact]
    public async Task A_library_error_is_one_red_line_and_exit_code_1()
    {
        // No schema: the purge's first query fails inside the library.
        using var app = PrivacyApp.Create(Target);
        var console = new TestConsole();

        var exit = await InvokeAsync(app.Services, console, "purge");

        Assert.Equal(1, exit);

        // The status line ("Purging expired rows...") shows only if the failure takes longer than the status's first
        // refresh (a loaded machine); a terminal erases it. What remains is the one error line.
        var lines = console.Lines.Where(l => l.Length > 0 && !l.StartsWith("Purging expired rows", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_command_parses_with_its_own_name_in_front_as_a_host_passes_it()
    {
        using var app = PrivacyApp.Create(Target);
        var console = new TestConsole();

        Assert.Equal(0, await InvokeAsync(app.Services, console, "privacy", "inventory", "--format", "json"));
        using var json = JsonDocument.Parse(console.Output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [SkippableFact]
    public async Task Ctrl_c_mid_run_keeps_the_committed_batches_reports_them_and_a_second_run_finishes()
    {
        Target.RequireAvailable();
        var keyRing = Directory.CreateTempSubdirectory("privacyef-keys-");
        var interceptor = new CancelOnCommit();
        var database = Target.NewDatabaseName();
        var collection = new ServiceCollection();
        collection.AddDataProtection().SetApplicationName("PrivacyEf.Tests").PersistKeysToFileSystem(keyRing);
        collection.AddPrivacy();
        collection.AddDbContextFactory<TestDbContext>((sp, options) => Target.UseDatabase(options.UsePrivacy(sp).AddInterceptors(interceptor), database));
        await using var services = collection.BuildServiceProvider(validateScopes: true);
        var factory = services.GetRequiredService<IDbContextFactory<TestDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
            using var seeding = Privacy.System("seeding");
            for (var i = 1; i <= 12; i++)
            {
                db.Customers.Add(new Customer { Id = i, Name = "Customer " + i, Email = $"user{i}@example.com" });
            }

            await db.SaveChangesAsync();
            await db.RotateDataKeyAsync();
        }

        interceptor.Armed = true;
        var console = new TestConsole();
        var exit = await InvokeAsync(services, console, ["reencrypt", "--batch-size", "5"], interceptor.Cancellation.Token);
        interceptor.Armed = false;

        Assert.Equal(130, exit);
        Assert.Contains("cancelled after 5 rows; run again to finish", console.Output, StringComparison.Ordinal);
        var rest = new TestConsole();
        Assert.Equal(0, await InvokeAsync(services, rest, "reencrypt", "--batch-size", "5"));
        Assert.Contains("Total: 7 rows re-encrypted", rest.Output, StringComparison.Ordinal);
        interceptor.Cancellation.Dispose();
        keyRing.Delete(recursive: true);
    }

    private static Task<int> InvokeAsync(IServiceProvider services, TestConsole console, params string[] args) =>
        InvokeAsync<TestDbContext>(services, console, args);

    private static Task<int> InvokeAsync(IServiceProvider services, TestConsole console, string[] args, CancellationToken cancellationToken) =>
        InvokeAsync<TestDbContext>(services, console, args, cancellationToken);

    private static Task<int> InvokeAsync<TContext>(IServiceProvider services, TestConsole console, string[] args, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        console.Profile.Width = 200;
        return PrivacyCommands.Create<TContext>(services, console).Parse(args).InvokeAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The console output as one line: error messages wrap at the console's width.</summary>
    private static string Flatten(string output) => string.Join(' ', output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Five tickets: three closed long ago, one closed long ago but on hold, one closed last month.</summary>
    private static async Task SeedTicketsAsync(PrivacyApp app)
    {
        await using var db = await app.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 5; i++)
        {
            db.SupportTickets.Add(new SupportTicket
            {
                Id = i,
                CustomerId = i,
                ContactEmail = $"requester{i}@example.org",
                Body = OriginalBody,
                ClosedAt = i <= 4 ? now.AddYears(-3) : now.AddMonths(-1),
                OnHold = i == 4,
            });
        }

        await db.SaveChangesAsSystemAsync();
    }

    private static async Task<int> CountOriginalBodiesAsync(PrivacyApp app)
    {
        await using var db = app.NewContext();
        return await db.SupportTickets.CountAsync(t => t.Body == OriginalBody);
    }
}
