using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf;
using SupportDesk.Model;

// The sample keeps its database and its Data Protection key ring beside the build output, so a run
// never writes into the source tree. A real host keeps the key ring somewhere the database is not.
var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(dataDirectory);
var databasePath = Path.Combine(dataDirectory, "supportdesk.db");

var services = new ServiceCollection();
services.AddDataProtection()
    .SetApplicationName("SupportDesk")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
// Card numbers and IBANs in chat keep their last four digits, so agents can still tell which one is meant.
services.AddPrivacy(o => o.Redaction
    .Use(PiiType.CreditCard, RedactionOperator.KeepLastFour)
    .Use(PiiType.Iban, RedactionOperator.KeepLastFour));
services.AddDbContext<SupportDb>((sp, options) => options.UseSqlite($"Data Source={databasePath}").UsePrivacy(sp));
await using var provider = services.BuildServiceProvider();

Console.WriteLine("SupportDesk: a support desk whose customer data PrivacyEf encrypts at rest and whose chat PrivacyEf redacts.");
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
    Console.WriteLine("Seeded 3 customers through EF Core (SaveChanges encrypted Name, Email, Phone and Iban).");
    Console.WriteLine();
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

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    const string typed = "Hi, please charge my card 4111 1111 1111 1111 and refund to DE89 3704 0044 0532 0130 00. My password is Sommer2024!";
    db.ChatMessages.Add(new ChatMessage { CustomerId = 1, Author = "Ada Lovelace", Text = typed });
    await db.SaveChangesAsync();

    Console.WriteLine();
    Console.WriteLine("A chat message with a card number, an IBAN and a password, as typed:");
    Console.WriteLine($"  {typed}");
    Console.WriteLine("What the ChatMessages table holds (redacted in SaveChanges, before it reached the database):");
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using (DbCommand command = connection.CreateCommand())
    {
        command.CommandText = """SELECT "Id", "Author", "Text" FROM "ChatMessages" ORDER BY "Id" """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  #{reader.GetInt32(0)}  {reader.GetString(1)}: {reader.GetString(2)}");
        }
    }

    await connection.CloseAsync();
    var redaction = PiiRedactor.Default.Redact(typed);
    Console.WriteLine($"  PiiRedactor.Default.Redact(typed).Findings: {string.Join(", ", redaction.Findings.Select(f => $"{f.Label} at {f.Start} ({f.Length} chars)"))}");
}

static string Shorten(string stored) => stored.Length <= 36 ? stored : stored[..36] + "…";
