using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// A web-form round trip: a customer loaded without tracking by a scope that sees the e-mail masked, a plain field
/// changed, the entity saved back with <c>Update</c> or <c>State = Modified</c>. The write pipeline authorizes
/// before it indexes, so the mask reaches neither the column nor the e-mail's blind index.
/// </summary>
public abstract class MaskedWriteBackTests(DatabaseTarget target)
{
    private const string Email = "ada@example.com";

    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [InlineData(nameof(DbContext.Update))]
    [InlineData(nameof(EntityState.Modified))]
    public async Task A_masked_value_saved_back_leaves_the_column_and_its_blind_index_alone(string howSaved)
    {
        using var app = PrivacyApp.Create(Target, configure: o => o.Grant("agent", "support", PersonalDataCategory.Identity));
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = Email, Segment = "retail" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        using (Privacy.Access("support", "agent-7", ["agent"]))
        {
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == 1);
            Assert.NotEqual(Email, customer.Email);
            customer.Segment = "business";
            if (howSaved == nameof(DbContext.Update))
            {
                db.Update(customer);
            }
            else
            {
                db.Entry(customer).State = EntityState.Modified;
            }

            await db.SaveChangesAsync();
        }

        await using (var db = app.NewContext())
        using (Privacy.System("checking the stored row"))
        {
            var byRealEmail = await db.Customers.SingleAsync(c => c.Email == Email);
            Assert.Equal("business", byRealEmail.Segment);
            Assert.Equal(Email, byRealEmail.Email);
            Assert.Empty(await db.Customers.Where(c => c.Email == "a***@example.com").ToListAsync());
        }
    }
}
