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

if (args.Contains("--web"))
{
    await SupportDesk.WebMode.RunAsync(args, dataDirectory, databasePath);
    return;
}

var services = new ServiceCollection();
services.AddDataProtection()
    .SetApplicationName("SupportDesk")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
services.AddPrivacy(o =>
{
    // Least privilege: each role sees what its purpose needs; the rest comes back masked.
    o.Grant(role: "agent", purpose: "support", PersonalDataCategory.Identity, PersonalDataCategory.Contact);
    o.Grant(role: "clerk", purpose: "billing", PersonalDataCategory.Identity, PersonalDataCategory.Contact, PersonalDataCategory.Financial);
    o.Grant(role: "marketer", purpose: "marketing", PersonalDataCategory.Contact);
    o.Purpose("marketing").RequiresConsent().Describe("Product news by e-mail, only to customers who agreed.");
});
services.AddDbContext<SupportDb>((sp, options) => options.UseSqlite($"Data Source={databasePath}").UsePrivacy(sp));
await using var provider = services.BuildServiceProvider();

Console.WriteLine("SupportDesk: a support desk whose customer data PrivacyEf encrypts at rest.");
Console.WriteLine($"Database: {databasePath} (embedded SQLite)");
Console.WriteLine();

await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    using var seeding = Privacy.System(reason: "seeding the sample database");
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

    Console.WriteLine("What the application reads through EF Core (in a system scope, which sees everything and is logged):");
    using var system = Privacy.System(reason: "sample: show the decrypted rows");
    foreach (var customer in await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
    {
        Console.WriteLine($"  #{customer.Id}  Name={customer.Name}  Email={customer.Email}  Phone={customer.Phone ?? "-"}  Iban={customer.Iban ?? "-"}  Plan={customer.Plan}");
    }
}

Console.WriteLine();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
    await db.GrantConsentAsync(subjectId: 1, purpose: "marketing");

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
    foreach (var entry in await db.Set<PrivacyEf.Access.Logging.PrivacyAccessLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
    {
        Console.WriteLine($"  {entry.Sequence,2}  {entry.Actor,-15} {entry.Purpose,-10} {entry.Entity}.{{{entry.Properties}}}  subjects [{entry.SubjectIds}]  rows {entry.RowCount}");
    }

    var verification = await db.VerifyAccessLogAsync();
    Console.WriteLine($"  VerifyAccessLogAsync: {(verification.IsIntact ? "intact" : "BROKEN: " + verification.Problem)}, {verification.EntriesChecked} entries, head {verification.HeadHash[..16]}…");
}

static string Shorten(string stored) => stored.Length <= 36 ? stored : stored[..36] + "…";
