using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyEf;
using PrivacyEf.Tests.Children;
using PrivacyEf.Tests.Model.Access;

// Usage: PrivacyEf.AccessLogChild <sqlite|postgres> <connection string> <key ring directory> <actor> <reads> <async|sync> <queue capacity>
// One application instance: prints "ready", waits for a line on standard input, then reads patron 1 <reads> times
// under an access scope of <actor>, printing "read <n>" as each read returns, and at the end flushes the access log
// and prints "flushed". The tests run several at once, or kill one in the middle.
if (args.Length != 7)
{
    Console.Error.WriteLine("usage: PrivacyEf.AccessLogChild <sqlite|postgres> <connection string> <key ring directory> <actor> <reads> <async|sync> <queue capacity>");
    return 2;
}

var (databaseKind, connectionString, keyRing, actor) = (args[0], args[1], args[2], args[3]);
var reads = int.Parse(args[4], CultureInfo.InvariantCulture);
var durability = args[5] == "sync" ? AccessLogDurability.Synchronous : AccessLogDurability.Asynchronous;
var queueCapacity = int.Parse(args[6], CultureInfo.InvariantCulture);

var (serviceProvider, db) = await ChildApplication.StartAsync<AccessDbContext>(databaseKind, connectionString, keyRing, "PrivacyEf.Tests", o =>
{
    o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity);
    o.AccessLogDurability = durability;
    o.AccessLogQueueCapacity = queueCapacity;
});
await using var disposeServices = serviceProvider;
await using var disposeContext = db;

// Warm up outside any scope (nothing personal is disclosed, nothing logged), so the instances start reading together.
await db.Patrons.AsNoTracking().Select(p => p.Id).FirstAsync();
Console.WriteLine("ready");
Console.ReadLine();

for (var read = 1; read <= reads; read++)
{
    using (Privacy.Access("support", actor, ["agent"]))
    {
        var patrons = await db.Patrons.AsNoTracking().Where(p => p.Id == 1).ToListAsync();
        if (patrons.Count != 1)
        {
            Console.Error.WriteLine($"read {read} returned {patrons.Count} patrons");
            return 1;
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {read}"));
}

await db.FlushAccessLogAsync();
Console.WriteLine("flushed");
return 0;
