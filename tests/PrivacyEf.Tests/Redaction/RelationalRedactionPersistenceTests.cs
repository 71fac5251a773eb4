using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Redaction;

/// <summary>On relational providers the stored columns themselves are checked with raw SQL.</summary>
public abstract class RelationalRedactionPersistenceTests(DatabaseTarget target) : RedactionPersistenceTests(target)
{
    protected override async Task AssertStoredColumnsHoldNoCardAsync(RedactionDbContext context)
    {
        var bodies = await context.Database.SqlQueryRaw<string>("""SELECT "Body" AS "Value" FROM "Messages" """).ToListAsync();
        var notes = await context.Database.SqlQueryRaw<string>("""SELECT "PrivateNote" AS "Value" FROM "Messages" WHERE "PrivateNote" IS NOT NULL""").ToListAsync();

        Assert.NotEmpty(bodies);
        Assert.DoesNotContain(bodies, b => b.Contains("4111", StringComparison.Ordinal) || b.Contains("Sommer2024", StringComparison.Ordinal));
        Assert.All(notes, n => Assert.StartsWith("pef:", n, StringComparison.Ordinal));
    }
}
