using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Json;

namespace PrivacyEf.Tests.Shapes;

/// <summary>
/// An owned type stored as a JSON column (<c>ToJson</c>): its encrypted property is ciphertext inside the JSON, masked
/// for a reader who may not see it, real in a system scope, and exported and erased with its owner.
/// </summary>
public abstract class JsonOwnedTypeTests(DatabaseTarget target)
{
    private const string PassportNumber = "X1234567";

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_personal_property_inside_a_json_column_is_encrypted_masked_exported_and_erased()
    {
        using var app = new TestApp<TravellerDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Travellers.Add(new Traveller { Id = 1, Name = "Ada", Passport = new TravelDocument { Number = PassportNumber, Country = "UK" } });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var table = db.Model.FindEntityType(typeof(Traveller))!.GetTableName();
            var readJson = $"SELECT \"Passport\" AS \"Value\" FROM \"{table}\"";
            var stored = await db.Database.SqlQueryRaw<string>(readJson).SingleAsync();
            Assert.DoesNotContain(PassportNumber, stored, StringComparison.Ordinal);
            Assert.Contains("UK", stored, StringComparison.Ordinal);

            using (Privacy.Access("support", "agent-7", ["agent"]))
            {
                var masked = await db.Travellers.AsNoTracking().SingleAsync();
                Assert.NotEqual(PassportNumber, masked.Passport.Number);
                Assert.Equal("UK", masked.Passport.Country);
                Assert.NotEqual(PassportNumber, await db.Travellers.Select(t => t.Passport.Number).SingleAsync());
                Assert.NotEqual(PassportNumber, (await db.Travellers.AsNoTracking().Select(t => t.Passport).SingleAsync()).Number);
                Assert.NotEqual(PassportNumber, (await db.Travellers.AsNoTracking().Select(t => new { t.Name, t.Passport }).SingleAsync()).Passport.Number);
            }

            using (Privacy.System("test: check"))
            {
                var real = await db.Travellers.AsNoTracking().SingleAsync();
                Assert.Equal(PassportNumber, real.Passport.Number);
            }

            var export = await db.ExportSubjectAsync(1);
            Assert.Equal(PassportNumber, Assert.Single(Assert.Single(export.Entities).Rows)["Passport.Number"].Value);
            Assert.Equal(1, Assert.Single((await db.EraseSubjectAsync(1)).Entities).Deleted);
            Assert.False(await db.Travellers.AnyAsync());
        }
    }
}
