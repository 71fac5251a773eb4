using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Inheritance;

namespace PrivacyEf.Tests.Shapes;

/// <summary>
/// A hierarchy mapped TPH, TPT or TPC: a derived type's encrypted property is ciphertext in its column, masked through
/// the base set and the derived set, and the subject's rows are exported once and erased.
/// </summary>
public abstract class InheritanceTests(DatabaseTarget target)
{
    private const string NationalId = "AB123456C";

    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [InlineData("TPH")]
    [InlineData("TPT")]
    [InlineData("TPC")]
    public Task A_derived_types_personal_property_is_protected_on_every_path(string strategy) => strategy switch
    {
        "TPH" => RunAsync<TphPartyDbContext>(),
        "TPT" => RunAsync<TptPartyDbContext>(),
        _ => RunAsync<TpcPartyDbContext>(),
    };

    private async Task RunAsync<TContext>()
        where TContext : PartyDbContext
    {
        using var app = new TestApp<TContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.People.Add(new Person { Id = 1, Name = "Ada", NationalId = NationalId });
            db.Companies.Add(new Company { Id = 2, Name = "Analytical Engines Ltd", VatNumber = "GB123" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var table = db.Model.FindEntityType(typeof(Person))!.GetTableName();
            var readColumn = $"SELECT \"NationalId\" AS \"Value\" FROM \"{table}\" WHERE \"NationalId\" IS NOT NULL";
            Assert.DoesNotContain(NationalId, await db.Database.SqlQueryRaw<string>(readColumn).SingleAsync(), StringComparison.Ordinal);

            using (Privacy.Access("support", "agent-7", ["agent"]))
            {
                var viaBase = Assert.IsType<Person>(await db.Parties.AsNoTracking().SingleAsync(p => p.Id == 1));
                Assert.NotEqual(NationalId, viaBase.NationalId);
                Assert.NotEqual(NationalId, (await db.People.AsNoTracking().SingleAsync()).NationalId);
                Assert.NotEqual(NationalId, await db.People.Select(p => p.NationalId).SingleAsync());
                Assert.NotEqual(NationalId, await db.Parties.OfType<Person>().Select(p => p.NationalId).SingleAsync());
            }

            using (Privacy.System("test: check"))
            {
                Assert.Equal(NationalId, (await db.People.AsNoTracking().SingleAsync()).NationalId);
            }

            // One kind of data subject, the hierarchy: its rows are read once, through its base type.
            var export = await db.ExportSubjectAsync(1);
            var row = Assert.Single(export.Entities.SelectMany(e => e.Rows));
            Assert.Equal(NationalId, row["NationalId"].Value);
            Assert.True(row["NationalId"].Personal);
            Assert.Equal(NationalId, Assert.Single((await db.ExportSubjectAsync<Person>(1)).Entities.SelectMany(e => e.Rows))["NationalId"].Value);

            var receipt = await db.EraseSubjectAsync(1);
            Assert.Equal(1, receipt.Erased);
            Assert.Equal([2], await db.Parties.Select(p => p.Id).ToListAsync());
        }
    }
}
