using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Retention;
using SupportDesk.Model;

// "purge" runs the retention purge on freshly seeded data and prints its report; "--dry-run" only counts.
var purgeCommand = args.Length > 0 && args[0] == "purge";
var dryRun = args.Contains("--dry-run");

// The sample keeps its database and its Data Protection key ring beside the build output, so a run
// never writes into the source tree. A real host keeps the key ring somewhere the database is not.
var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(dataDirectory);
var databasePath = Path.Combine(dataDirectory, "supportdesk.db");

var services = new ServiceCollection();
services.AddDataProtection()
    .SetApplicationName("SupportDesk")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
services.AddPrivacy();
services.AddDbContext<SupportDb>((sp, options) => options.UseSqlite($"Data Source={databasePath}").UsePrivacy(sp));
await using var provider = services.BuildServiceProvider();

Console.WriteLine("SupportDesk: a support desk whose customer data PrivacyEf encrypts at rest.");
Console.WriteLine($"Database: {databasePath} (embedded SQLite)");
Console.WriteLine();

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
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
            // Tickets 1-5 closed three years ago (expired), 6 two years ago but on legal hold, 7 last month, 8 still open.
            ClosedAt = i <= 6 ? now.AddYears(-3) : i == 7 ? now.AddMonths(-1) : null,
            OnHold = i == 6,
        });
    }

    await db.SaveChangesAsync();
    Console.WriteLine("Seeded 3 customers and 8 tickets through EF Core (SaveChanges encrypted Name, Email, Phone, Iban and ContactEmail).");
    Console.WriteLine();
}

if (purgeCommand)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    var report = await db.PurgeExpiredAsync(new PurgeOptions { DryRun = dryRun });
    Console.WriteLine(report);
    Console.WriteLine();
    Console.WriteLine("Tickets after the purge:");
    foreach (var ticket in await db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
    {
        Console.WriteLine($"  #{ticket.Id}  {ticket.ContactEmail,-26} {ticket.Body,-32} closed={ticket.ClosedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}{(ticket.OnHold ? "  (legal hold)" : string.Empty)}");
    }

    return;
}

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();

    Console.WriteLine("What the table holds (what a stolen backup or a curious DBA sees):");
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using (DbCommand command = connection.CreateCommand())
    {
        command.CommandText = """SELECT "Id", "Name", "Email", "Plan" FROM "Customers" ORDER BY "Id" """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  #{reader.GetInt32(0)}  Name={Shorten(reader.GetString(1))}  Email={Shorten(reader.GetString(2))}  Plan={reader.GetString(3)}");
        }
    }

    await using (DbCommand command = connection.CreateCommand())
    {
        command.CommandText = """SELECT COUNT(*), MIN("WrappedKey") FROM "privacy_data_keys" """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"  privacy_data_keys: {reader.GetInt64(0)} data key, wrapped by Data Protection: {Shorten(reader.GetString(1))}");
    }

    await connection.CloseAsync();
    Console.WriteLine();

    Console.WriteLine("What the application reads through EF Core:");
    foreach (var customer in await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
    {
        Console.WriteLine($"  #{customer.Id}  Name={customer.Name}  Email={customer.Email}  Phone={customer.Phone ?? "-"}  Iban={customer.Iban ?? "-"}  Plan={customer.Plan}");
    }
}

static string Shorten(string stored) => stored.Length <= 36 ? stored : stored[..36] + "…";
