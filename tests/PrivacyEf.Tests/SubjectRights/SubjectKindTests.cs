using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Kinds;
using PrivacyEf.Tests.Model.Kinds.Unnamed;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>
/// Several kinds of data subject in one model: shopper 1 and staff member 1 are different people, so a request names
/// the kind, reaches only the rows linked to it (by navigation or by the attribute), and an id alone is refused.
/// </summary>
public abstract class SubjectKindTests(DatabaseTarget target)
{
    private static readonly Guid ContractorId = new("0b9d4f0e-6c1a-4c55-9a8e-2f1f6e0c7a11");

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_request_by_id_alone_is_refused_naming_the_kinds()
    {
        using var app = await SeedAsync();
        await using var db = app.NewContext();

        var export = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ExportSubjectAsync(1));
        Assert.Contains("3 kinds of data subject", export.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Shopper), export.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(StaffMember), export.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.EraseSubjectAsync(1));
        Assert.Equal(2, await db.Payslips.CountAsync());
    }

    [SkippableFact]
    public async Task Export_of_one_kind_holds_only_the_rows_linked_to_it()
    {
        using var app = await SeedAsync();
        await using var db = app.NewContext();

        var shopper = await db.ExportSubjectAsync<Shopper>(1);
        Assert.Equal([nameof(Shopper), nameof(ShopperOrder)], shopper.Entities.Select(e => e.Entity).Order());
        Assert.Equal("Ada Shopper", Assert.Single(shopper.Entities.Single(e => e.Entity == nameof(Shopper)).Rows)["Name"].Value);

        var staff = await db.ExportSubjectAsync<StaffMember>(1);
        Assert.Equal([nameof(Payslip), nameof(StaffMember)], staff.Entities.Select(e => e.Entity).Order());
        Assert.Equal(4200.00m, Assert.Single(staff.Entities.Single(e => e.Entity == nameof(Payslip)).Rows)["Amount"].Value);

        var contractor = await db.ExportSubjectAsync<Contractor>(ContractorId);
        Assert.Equal([nameof(Contractor), nameof(ContractorInvoice)], contractor.Entities.Select(e => e.Entity).Order());

        var notAKind = await Assert.ThrowsAsync<ArgumentException>(() => db.ExportSubjectAsync<ShopperOrder>(1));
        Assert.Contains("ShopperOrder is not a kind of data subject", notAKind.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Erasure_of_one_kind_leaves_the_other_kind_with_the_same_id_alone()
    {
        using var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var receipt = await db.EraseSubjectAsync<Shopper>(1);
            Assert.Equal([nameof(Shopper), nameof(ShopperOrder)], receipt.Entities.Select(e => e.Entity).Order());
            Assert.Equal(2, receipt.Erased);
        }

        await using (var db = app.NewContext())
        using (Privacy.System("test: check"))
        {
            Assert.Equal([2], await db.Shoppers.Select(s => s.Id).ToListAsync());
            Assert.Equal([2], await db.Orders.Select(o => o.ShopperId).ToListAsync());
            Assert.Equal([1, 2], await db.Staff.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
            Assert.Equal(2, await db.Payslips.CountAsync());
        }
    }

    [SkippableFact]
    public async Task A_link_whose_kind_cannot_be_told_stops_every_request_naming_it()
    {
        using var app = new TestApp<AmbiguousKindsDbContext>(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Shoppers.Add(new Shopper { Id = 1, Name = "Ada Shopper" });
        db.Memos.Add(new Memo { Id = 1, PersonId = 1, Text = "call back" });
        await db.SaveChangesAsSystemAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ExportSubjectAsync<Shopper>(1));
        Assert.Contains("Memo.PersonId", refused.Message, StringComparison.Ordinal);
        Assert.Contains("[DataSubject(typeof(", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.EraseSubjectAsync<Shopper>(1));
        Assert.Equal(1, await db.Memos.CountAsync());
    }

    private async Task<TestApp<KindsDbContext>> SeedAsync()
    {
        var app = new TestApp<KindsDbContext>(Target);
        await using var db = await app.CreateDatabaseAsync();
        db.Shoppers.AddRange(new Shopper { Id = 1, Name = "Ada Shopper" }, new Shopper { Id = 2, Name = "Grace Shopper" });
        db.Staff.AddRange(new StaffMember { Id = 1, Name = "Alan Staff" }, new StaffMember { Id = 2, Name = "Barbara Staff" });
        db.Contractors.Add(new Contractor { Id = ContractorId, Name = "Edsger Contractor" });
        db.Orders.AddRange(new ShopperOrder { Id = 1, ShopperId = 1, Note = "gift wrap" }, new ShopperOrder { Id = 2, ShopperId = 2, Note = "leave at door" });
        db.Payslips.AddRange(new Payslip { Id = 1, StaffMemberId = 1, Amount = 4200.00m }, new Payslip { Id = 2, StaffMemberId = 2, Amount = 3900.00m });
        db.Invoices.Add(new ContractorInvoice { Id = 1, ContractorId = ContractorId, Iban = "DE89370400440532013000" });
        await db.SaveChangesAsSystemAsync();
        return app;
    }
}
