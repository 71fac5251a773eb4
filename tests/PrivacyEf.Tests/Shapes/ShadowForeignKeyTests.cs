using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.ShadowLinks;

namespace PrivacyEf.Tests.Shapes;

/// <summary>
/// <c>[DataSubject]</c> on a navigation whose foreign key is a shadow property: the subject's rows are found through
/// that column, exported and erased, instead of being left out of every request without a word.
/// </summary>
public abstract class ShadowForeignKeyTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Rows_linked_by_a_navigation_over_a_shadow_key_are_exported_and_erased()
    {
        using var app = new TestApp<ShadowLinkDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            var ada = new Guest { Id = 1, Name = "Ada" };
            var grace = new Guest { Id = 2, Name = "Grace" };
            db.Stays.AddRange(new Stay { Id = 1, Guest = ada, Notes = "late check-in" }, new Stay { Id = 2, Guest = grace, Notes = "sea view" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var export = await db.ExportSubjectAsync<Guest>(1);
            Assert.Equal("late check-in", Assert.Single(Assert.Single(export.Entities, e => e.Entity == nameof(Stay)).Rows)["Notes"].Value);

            var receipt = await db.EraseSubjectAsync(1);
            Assert.Equal(1, Assert.Single(receipt.Entities, e => e.Entity == nameof(Stay)).Deleted);
            Assert.Equal(1, Assert.Single(receipt.Entities, e => e.Entity == nameof(Guest)).Deleted);
        }

        await using (var check = app.NewContext())
        {
            Assert.Equal([2], await check.Stays.Select(s => s.Id).ToListAsync());
            Assert.Equal([2], await check.Guests.Select(g => g.Id).ToListAsync());
        }
    }
}
