using Microsoft.EntityFrameworkCore;
using PrivacyEf;
using PrivacyEf.Tests.Children;
using PrivacyEf.Tests.Retention.Model;

// Usage: PrivacyEf.RetentionChild <sqlite|postgres> <connection string> <key ring directory> <now, ISO 8601>
// Purges slowly (small batches with a pause), so the test can kill it in the middle of the run.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: PrivacyEf.RetentionChild <sqlite|postgres> <connection string> <key ring directory> <now>");
    return 2;
}

var (databaseKind, connectionString, keyRing, now) = (args[0], args[1], args[2], DateTimeOffset.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var (serviceProvider, db) = await ChildApplication.StartAsync<RetentionDbContext>(databaseKind, connectionString, keyRing, "PrivacyEf.Tests.Retention");
await using (serviceProvider)
await using (db)
{
    Console.WriteLine("purging");
    var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = now, BatchSize = 5, PauseBetweenBatches = TimeSpan.FromMilliseconds(250) });
    Console.WriteLine(report);
}

return 0;
