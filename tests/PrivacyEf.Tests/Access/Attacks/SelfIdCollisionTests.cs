using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>
/// Attack on self access: "is this row the self's own?" compares ids as text (<c>SubjectIds.Format</c>), which falls
/// back on <c>ToString()</c>. For a byte[] key that is "System.Byte[]" whatever the bytes: every cardholder's row
/// formats equal to every self, so a cardholder acting for themselves reads and rewrites everyone's data.
/// </summary>
public abstract class SelfIdCollisionTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_cardholder_keyed_by_bytes_reads_only_their_own_row()
    {
        using var app = App();
        await using var db = await SeedAsync(app);
        using (Privacy.Access("account", "card-1", [], PrivacySubject.Of<Cardholder>(new byte[] { 1 })))
        {
            var names = await db.Cardholders.AsNoTracking().ToDictionaryAsync(c => c.Id[0], c => c.Name);
            Assert.Equal("Ada Card", names[1]);
            Assert.NotEqual("Bea Card", names[2]);

            var projected = await db.Cardholders.Select(c => new { c.Id, c.Name }).ToListAsync();
            Assert.DoesNotContain("Bea Card", projected.Select(p => p.Name));
        }
    }

    [SkippableFact]
    public async Task A_cardholder_keyed_by_bytes_cannot_rewrite_another_cardholders_name()
    {
        using var app = App();
        await using (var db = await SeedAsync(app))
        using (Privacy.Access("account", "card-1", [], PrivacySubject.Of<Cardholder>(new byte[] { 1 })))
        {
            db.Cardholders.Update(new Cardholder { Id = [2], Name = "Mallory" });
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: what is stored"))
        {
            Assert.Equal("Bea Card", (await check.Cardholders.ToListAsync()).Single(c => c.Id[0] == 2).Name);
        }
    }

    private static async Task<CardholderDbContext> SeedAsync(TestApp<CardholderDbContext> app)
    {
        var db = await app.CreateDatabaseAsync();
        db.Cardholders.AddRange(new Cardholder { Id = [1], Name = "Ada Card" }, new Cardholder { Id = [2], Name = "Bea Card" });
        await db.SaveChangesAsSystemAsync();
        db.ChangeTracker.Clear();
        return db;
    }

    private TestApp<CardholderDbContext> App() => new(Target, new TestAppSettings { ConfigurePrivacy = o => o.Purpose("account").AllowSelf(PersonalDataCategory.Identity) });
}
