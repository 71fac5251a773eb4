using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk;
using SupportDesk.Model;

// The sample keeps its database and its Data Protection key ring beside the build output, so a run
// never writes into the source tree. A real host keeps the key ring somewhere the database is not.
var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(dataDirectory);
var databasePath = Path.Combine(dataDirectory, "supportdesk.db");

var services = SupportDbServices.Create(Path.Combine(dataDirectory, "keys"));
services.AddSqliteSupportDb($"Data Source={databasePath}");
await using var provider = services.BuildServiceProvider();

Console.WriteLine("SupportDesk: a support desk whose customer data PrivacyEf encrypts at rest.");
Console.WriteLine($"Database: {databasePath} (embedded SQLite)");
Console.WriteLine();

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    await db.Database.EnsureDeletedAsync();

    // The sample's real migrations: the plaintext schema first, then the one PrivacyEf's annotations produce.
    await db.Database.MigrateAsync();
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
        Console.WriteLine($"  privacy_data_keys: {reader.GetInt64(0)} keys (a data key and the blind-index key), wrapped by Data Protection: {Shorten(reader.GetString(1))}");
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
    Console.WriteLine();
    Console.WriteLine("Finding a customer by e-mail on the encrypted column (through its blind index, case-insensitive):");
    var grace = await db.Customers.AsNoTracking().SingleAsync(c => c.Email == "GRACE@cobol.example");
    Console.WriteLine($"  Email == \"GRACE@cobol.example\" -> #{grace.Id} {grace.Name}");
    try
    {
        await db.Customers.OrderBy(c => c.Email).ToListAsync();
    }
    catch (PrivacyEf.PrivacyQueryException refused)
    {
        Console.WriteLine($"  OrderBy(c => c.Email) is refused: {refused.Message}");
    }

    Console.WriteLine();
    Console.WriteLine("Rotating the data key and re-encrypting the stored rows:");
    var keys = await db.GetDataKeysAsync();
    var oldKey = keys.Single(k => k is { Kind: PrivacyEf.Encryption.DataKeyKind.Data, Status: PrivacyEf.Encryption.DataKeyStatus.Active }).Id;
    var newKey = await db.RotateDataKeyAsync();
    Console.WriteLine($"  active key {oldKey:N} -> {newKey:N}");
    var report = await db.ReencryptAsync(
        new PrivacyEf.ReencryptionOptions { BatchSize = 2 },
        new ConsoleProgress<PrivacyEf.ReencryptionProgress>(p => Console.WriteLine($"  {p.Entity}: {p.Processed}/{p.Total} rows moved")));
    await db.RetireDataKeyAsync(oldKey);
    Console.WriteLine($"  {report.TotalRows} rows re-encrypted; old key retired. Ada still reads as {(await db.Customers.AsNoTracking().SingleAsync(c => c.Id == 1)).Email}.");
}

static string Shorten(string stored) => stored.Length <= 36 ? stored : stored[..36] + "…";
