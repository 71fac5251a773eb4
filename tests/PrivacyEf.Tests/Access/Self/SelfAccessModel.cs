using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;

namespace PrivacyEf.Tests.Access.Self;

/// <summary>Two shoppers, a staff member with shopper 1's id, and a purpose each that lets a shopper see their own data.</summary>
internal static class SelfAccessModel
{
    public static void Configure(PrivacyOptions options)
    {
        options.Purpose("account").AllowSelf(PersonalDataCategory.Identity, PersonalDataCategory.FreeText);
        options.Purpose("profile").AllowSelf(PersonalDataCategory.Identity);
        options.Grant("agent", "support", PersonalDataCategory.Identity);
    }

    public static PrivacyScope Shopper1() => Privacy.Access("account", "shopper-1", [], PrivacySubject.Of<Shopper>(1));

    public static async Task<KindsDbContext> SeedAsync(TestApp<KindsDbContext> app)
    {
        var db = await app.CreateDatabaseAsync();
        db.Shoppers.AddRange(new Shopper { Id = 1, Name = "Ada Shopper" }, new Shopper { Id = 2, Name = "Bea Shopper" });
        db.Staff.Add(new StaffMember { Id = 1, Name = "Alan Staff" });
        db.Orders.AddRange(new ShopperOrder { Id = 1, ShopperId = 1, Note = "gift wrap" }, new ShopperOrder { Id = 2, ShopperId = 2, Note = "leave at door" });
        await db.SaveChangesAsSystemAsync();
        db.ChangeTracker.Clear();
        return db;
    }
}
