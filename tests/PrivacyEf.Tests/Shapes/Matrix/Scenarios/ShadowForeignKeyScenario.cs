using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix.ShadowLinks;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

/// <summary>The rows reach their customer through a navigation over a shadow foreign key; the customers are entities.</summary>
public sealed class ShadowForeignKeyScenario(DatabaseTarget target) : ShapeScenario<ShadowLinkedDbContext>(target)
{
    public override string ExportPath => "Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(ShadowLinkedAnonymizedRow), nameof(ShadowLinkedDeletedRow)];

    public override int SubjectRowsOfTheirOwn => 1;

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(ShadowLinkedDeletedRow) : typeof(ShadowLinkedAnonymizedRow);

    protected override void AddSubjects(ShadowLinkedDbContext db) => db.Customers.AddRange(
        new MatrixCustomer { Id = MatrixRow.Ada, Name = "Ada Lovelace" },
        new MatrixCustomer { Id = MatrixRow.Grace, Name = "Grace Hopper" });

    protected override void Add(ShadowLinkedDbContext db, MatrixRow row)
    {
        var customer = db.Customers.Local.Single(c => c.Id == row.CustomerId);
        if (row.Retention == RetentionAction.Delete)
        {
            db.DeletedRows.Add(new ShadowLinkedDeletedRow { Id = row.Id, Customer = customer, RecordedAt = row.RecordedAt, Street = row.Street, Country = row.Country });
        }
        else
        {
            db.AnonymizedRows.Add(new ShadowLinkedAnonymizedRow { Id = row.Id, Customer = customer, RecordedAt = row.RecordedAt, Street = row.Street, Country = row.Country });
        }
    }

    protected override Task<List<string>> ReadAsync(ShadowLinkedDbContext db, RetentionAction retention, ReadPath path) => retention == RetentionAction.Delete
        ? ReadAsync(db.DeletedRows, path, r => r.Street)
        : ReadAsync(db.AnonymizedRows, path, r => r.Street);
}
