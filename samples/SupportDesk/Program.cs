using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf;
using SupportDesk;
using SupportDesk.Model;
using SupportDesk.Web;

// dotnet run                      the tour: encryption, lookup by e-mail, rotation, redaction, least privilege
//                                 and consent, retention purge, export, erasure, record of processing
// dotnet run -- purge [--dry-run] the retention purge on freshly seeded data, with its report
// dotnet run -- export <id>       everything held on customer <id>, as JSON
// dotnet run -- erase <id>        erase customer <id>, then show what is left
// dotnet run -- inventory         the record of processing, as Markdown
// dotnet run -- --web             a minimal API whose requests get access scopes from the user's roles
var command = args.Length > 0 ? args[0] : "tour";
var dryRun = args.Contains("--dry-run");

// The sample keeps its database and its Data Protection key ring beside the build output, so a run
// never writes into the source tree. A real host keeps the key ring somewhere the database is not.
var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(dataDirectory);
var databasePath = Path.Combine(dataDirectory, "supportdesk.db");

if (args.Contains("--web"))
{
    await WebMode.RunAsync(args, dataDirectory, databasePath);
    return;
}

var services = SupportDbServices.Create(Path.Combine(dataDirectory, "keys"));
services.AddSqliteSupportDb($"Data Source={databasePath}");
services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, TourConsoleLoggerProvider>();
await using var provider = services.BuildServiceProvider();

// dotnet run -- privacy <command>: the host commands (purge, reencrypt, redact-history, inventory, verify-log)
// on the database the last run left; no reseeding.
if (command == "privacy")
{
    // Work on the database the tour left, or on an empty one with the current schema on a fresh clone.
    await using (var scope = provider.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<SupportDb>().Database.MigrateAsync();
    }

    Environment.ExitCode = await PrivacyEf.Commands.PrivacyCommands.Create<SupportDb>(provider).Parse(args).InvokeAsync();
    return;
}

Console.WriteLine("SupportDesk: a support desk whose customer data PrivacyEf protects.");
Console.WriteLine($"Database: {databasePath} (embedded SQLite)");
Console.WriteLine();

await SeedAsync();
var subject = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
switch (command)
{
    case "purge":
        await PurgeAsync();
        break;
    case "export":
        await ExportAsync(subject, full: true);
        break;
    case "erase":
        await EraseAsync(subject);
        break;
    case "inventory":
        await InventoryAsync(full: true);
        break;
    default:
        await ShowEncryptionAsync();
        await ShowLookupAndRotationAsync();
        await ShowRedactionAsync();
        await ShowLeastPrivilegeAsync();
        Heading("Logs: a customer logged with [LogProperties] (AddPrivacyLogRedaction)");
        await CustomerLogTour.RunAsync(provider);
        Heading("Retention: the nightly purge anonymizes tickets closed more than two years ago");
        await PurgeAsync();
        Heading("Right of access: everything held on customer #1 (first lines of the JSON export)");
        await ExportAsync(1, full: false);
        Heading("Right to erasure: customer #2 asks to be forgotten");
        await EraseAsync(2);
        Heading("Transparency: what is collected, why and for how long (from the record of processing)");
        await InventoryAsync(full: false);
        break;
}

static void Heading(string title)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine(new string('-', title.Length));
}

async Task ExportAsync(int id, bool full)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    var export = await db.ExportSubjectAsync<Customer>(id);
    using var json = new MemoryStream();
    await export.WriteJsonAsync(json);
    var lines = System.Text.Encoding.UTF8.GetString(json.ToArray()).Split('\n');
    foreach (var line in full ? lines : lines.Take(24))
    {
        Console.WriteLine(full ? line : "  " + line);
    }

    if (!full)
    {
        Console.WriteLine($"  ... {lines.Length - 24} more lines: {string.Join(", ", export.Entities.Select(e => $"{e.Rows.Count} {e.Entity}"))} (dotnet run -- export 1 prints it all)");
    }
}

async Task EraseAsync(int id)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    var receipt = await db.EraseSubjectAsync<Customer>(id);
    Console.WriteLine(receipt);
    using var system = Privacy.System(reason: "sample: show what the erasure left");
    Console.WriteLine($"  Customers left: {string.Join(", ", await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => "#" + c.Id + " " + c.Name).ToListAsync())}");
    Console.WriteLine($"  Tickets of #{id}: {string.Join(", ", (await db.Tickets.AsNoTracking().Where(t => t.CustomerId == id).OrderBy(t => t.Id).ToListAsync()).Select(t => $"#{t.Id} {t.ContactEmail}{(t.OnHold ? " (legal hold)" : "")}"))}");
}

async Task InventoryAsync(bool full)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    var inventory = db.GetPrivacyInventory();
    if (full)
    {
        Console.WriteLine(inventory.ToMarkdown());
        return;
    }

    foreach (var purpose in inventory.Purposes)
    {
        Console.WriteLine($"  {purpose.Name}: {purpose.Description ?? "(no description)"}");
        Console.WriteLine($"    {purpose.Notice}");
    }

    Console.WriteLine("  (dotnet run -- inventory prints the full record: every entity, column, protection and retention)");
}

async Task SeedAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    using var seeding = Privacy.System(reason: "seeding the sample database");
    await db.Database.EnsureDeletedAsync();

    // The sample's real migrations: the plaintext schema first, then the one PrivacyEf's annotations produce.
    await db.Database.MigrateAsync();
    db.Customers.AddRange(
        new Customer { Name = "Ada Lovelace", Email = "ada@analytical.example", Phone = "+44 20 7946 0018", Iban = "GB33BUKB20201555555555", Plan = "gold" },
        new Customer { Name = "Grace Hopper", Email = "grace@cobol.example", Phone = "+1 202 555 0143", Plan = "basic" },
        new Customer { Name = "Zoë Ünal", Email = "zoe@beispiel.example", Iban = "DE89370400440532013000", Plan = "basic" });
    await db.SaveChangesAsync();

    var now = DateTimeOffset.UtcNow;
    for (var i = 1; i <= 8; i++)
    {
        db.Tickets.Add(new Ticket
        {
            CustomerId = 1 + (i % 3),
            ContactEmail = $"requester{i}@example.org",
            Body = $"Ticket {i}: my invoice is wrong.",
            Subject = $"Invoice question {i}",

            // Tickets 1-5 closed three years ago (expired), 6 too but on legal hold, 7 last month, 8 still open.
            ClosedAt = i <= 6 ? now.AddYears(-3) : i == 7 ? now.AddMonths(-1) : null,
            OnHold = i == 6,
        });
    }

    await db.SaveChangesAsync();
    Console.WriteLine("Seeded 3 customers and 8 tickets through EF Core (SaveChanges encrypted Name, Email, Phone, Iban and ContactEmail).");
    Console.WriteLine();
}

async Task ShowEncryptionAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    Console.WriteLine("What the table holds (what a stolen backup or a curious DBA sees):");
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using (DbCommand raw = connection.CreateCommand())
    {
        raw.CommandText = """SELECT "Id", "Name", "Email", "Plan" FROM "Customers" ORDER BY "Id" """;
        await using var reader = await raw.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  #{reader.GetInt32(0)}  Name={Shorten(reader.GetString(1))}  Email={Shorten(reader.GetString(2))}  Plan={reader.GetString(3)}");
        }
    }

    await using (DbCommand keys = connection.CreateCommand())
    {
        keys.CommandText = """SELECT COUNT(*), MIN("WrappedKey") FROM "privacy_data_keys" """;
        await using var reader = await keys.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"  privacy_data_keys: {reader.GetInt64(0)} keys (a data key and the blind-index key), wrapped by Data Protection: {Shorten(reader.GetString(1))}");
    }

    await connection.CloseAsync();
    Console.WriteLine();
    Console.WriteLine("What the application reads through EF Core (in a system scope, which sees everything and is logged):");
    using var system = Privacy.System(reason: "sample: show the decrypted rows");
    foreach (var customer in await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
    {
        Console.WriteLine($"  #{customer.Id}  Name={customer.Name}  Email={customer.Email}  Phone={customer.Phone ?? "-"}  Iban={customer.Iban ?? "-"}  Plan={customer.Plan}");
    }
}

async Task ShowLookupAndRotationAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    using var system = Privacy.System(reason: "sample: lookup and key rotation");
    Console.WriteLine();
    Console.WriteLine("Finding a customer by e-mail on the encrypted column (through its blind index, case-insensitive):");
    var grace = await db.Customers.AsNoTracking().SingleAsync(c => c.Email == "GRACE@cobol.example");
    Console.WriteLine($"  Email == \"GRACE@cobol.example\" -> #{grace.Id} {grace.Name}");
    try
    {
        await db.Customers.OrderBy(c => c.Email).ToListAsync();
    }
    catch (PrivacyQueryException refused)
    {
        Console.WriteLine($"  OrderBy(c => c.Email) is refused: {refused.Message}");
    }

    Console.WriteLine();
    Console.WriteLine("Rotating the data key and re-encrypting the stored rows:");
    var oldKey = (await db.GetDataKeysAsync()).Single(k => k is { Kind: DataKeyKind.Data, Status: DataKeyStatus.Active }).Id;
    var newKey = await db.RotateDataKeyAsync();
    Console.WriteLine($"  active key {oldKey:N} -> {newKey:N}");
    var report = await db.ReencryptAsync(
        new ReencryptionOptions { BatchSize = 4 },
        new ConsoleProgress<ReencryptionProgress>(p => Console.WriteLine($"  {p.Entity}: {p.Processed}/{p.Total} rows moved")));
    await db.RetireDataKeyAsync(oldKey);
    Console.WriteLine($"  {report.TotalRows} rows re-encrypted; old key retired. Ada still reads as {(await db.Customers.AsNoTracking().SingleAsync(c => c.Id == 1)).Email}.");

    Console.WriteLine();
    Console.WriteLine("Rotating the blind-index key (the key of the e-mail lookups):");
    var rotation = await db.RotateBlindIndexKeyAsync();
    Console.WriteLine($"  generation {rotation.Generation} added; lookups match both keys, new values use it from {rotation.WritesMoveAt:u}.");
    var adaEmail = (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == 1)).Email;
    Console.WriteLine($"  still found by e-mail mid-rotation: #{(await db.Customers.AsNoTracking().SingleAsync(c => c.Email == adaEmail)).Id}");
    var deferred = await db.ReencryptAsync();
    Console.WriteLine($"  ReencryptAsync now: rebuild deferred until {deferred.BlindIndexRebuildDeferredUntil:u} (every instance learns the key first);");
    Console.WriteLine("  run `dotnet run --project samples/SupportDesk -- privacy reencrypt` after that to rebuild the indexes,");
    Console.WriteLine("  and once more a refresh interval later to retire the old key.");
}

async Task PurgeAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    using var system = Privacy.System(reason: "nightly purge");
    var report = await db.PurgeExpiredAsync(new PurgeOptions { DryRun = dryRun });
    Console.WriteLine(report);
    Console.WriteLine();
    Console.WriteLine("Tickets after the purge:");
    foreach (var ticket in await db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
    {
        Console.WriteLine($"  #{ticket.Id}  {ticket.ContactEmail,-26} {ticket.Body,-32} closed={ticket.ClosedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open"}{(ticket.OnHold ? "  (legal hold)" : string.Empty)}");
    }
}

async Task ShowRedactionAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    using var system = Privacy.System(reason: "sample: redaction");
    const string typed = "Hi, please charge my card 4111 1111 1111 1111 and refund to DE89 3704 0044 0532 0130 00. My password is Sommer2024!";
    db.ChatMessages.Add(new ChatMessage { CustomerId = 1, Author = "Ada Lovelace", Text = typed });
    await db.SaveChangesAsync();

    Console.WriteLine();
    Console.WriteLine("A chat message with a card number, an IBAN and a password, as typed:");
    Console.WriteLine($"  {typed}");
    Console.WriteLine("What the ChatMessages table holds (redacted in SaveChanges, before it reached the database):");
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using (DbCommand raw = connection.CreateCommand())
    {
        raw.CommandText = """SELECT "Id", "Author", "Text" FROM "ChatMessages" ORDER BY "Id" """;
        await using var reader = await raw.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  #{reader.GetInt32(0)}  {reader.GetString(1)}: {reader.GetString(2)}");
        }
    }

    await connection.CloseAsync();
    var redaction = PiiRedactor.Default.Redact(typed);
    Console.WriteLine($"  PiiRedactor.Default.Redact(typed).Findings: {string.Join(", ", redaction.Findings.Select(f => $"{f.Label} at {f.Start} ({f.Length} chars)"))}");
}

async Task ShowLeastPrivilegeAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    await db.GrantConsentAsync(subjectId: 1, purpose: "marketing");

    Console.WriteLine();
    Console.WriteLine("The same customers, read by three people for three purposes:");
    using (Privacy.Access(purpose: "support", actor: "agent-7", roles: ["agent"]))
    {
        Console.WriteLine("  Support agent (support): names and contact details, no bank data");
        foreach (var customer in await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            Console.WriteLine($"    #{customer.Id}  {customer.Name,-14} {customer.Email,-24} {customer.Phone ?? "-",-18} Iban={customer.Iban ?? "-"}");
        }
    }

    using (Privacy.Access(purpose: "billing", actor: "clerk-2", roles: ["clerk"]))
    {
        Console.WriteLine("  Billing clerk (billing): bank data, but the phone is for support only");
        foreach (var row in await db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Phone, c.Iban }).ToListAsync())
        {
            Console.WriteLine($"    #{row.Id}  {row.Name,-14} Phone={row.Phone ?? "(withheld)",-18} Iban={row.Iban ?? "-"}");
        }
    }

    using (Privacy.Access(purpose: "marketing", actor: "newsletter-job", roles: ["marketer"]))
    {
        Console.WriteLine("  Marketing (marketing, consent required): only customers who consented, e-mail only");
        foreach (var row in await db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Email }).ToListAsync())
        {
            Console.WriteLine($"    #{row.Id}  {row.Name,-14} {row.Email}");
        }
    }

    await db.FlushAccessLogAsync();
    Console.WriteLine();
    Console.WriteLine("The access log (who saw what, for whom; never the values), hash-chained:");
    foreach (var entry in await db.Set<PrivacyEf.Access.Logging.PrivacyAccessLogEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).Take(8).OrderBy(e => e.Sequence).ToListAsync())
    {
        Console.WriteLine($"  {entry.Sequence,2}  {entry.Actor,-15} {entry.Purpose,-10} {entry.Entity}.{{{entry.Properties}}}  subjects [{entry.SubjectIds}]  rows {entry.RowCount}");
    }

    var verification = await db.VerifyAccessLogAsync();
    Console.WriteLine($"  VerifyAccessLogAsync: {(verification.IsIntact ? "intact" : "BROKEN: " + verification.Problem)}, {verification.EntriesChecked} entries, head {verification.HeadHash[..16]}…");
}

static string Shorten(string stored) => stored.Length <= 36 ? stored : stored[..36] + "…";
