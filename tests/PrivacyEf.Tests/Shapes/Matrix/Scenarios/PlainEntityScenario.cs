using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix.Plain;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

public sealed class PlainEntityScenario(DatabaseTarget target) : ShapeScenario<PlainDbContext>(target)
{
    public override string ExportPath => "Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(PlainAnonymizedRow), nameof(PlainDeletedRow)];

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(PlainDeletedRow) : typeof(PlainAnonymizedRow);

    protected override void Add(PlainDbContext db, MatrixRow row)
    {
        if (row.Retention == RetentionAction.Delete)
        {
            db.DeletedRows.Add(new PlainDeletedRow { Id = row.Id, CustomerId = row.CustomerId, RecordedAt = row.RecordedAt, Street = row.Street, Country = row.Country });
        }
        else
        {
            db.AnonymizedRows.Add(new PlainAnonymizedRow { Id = row.Id, CustomerId = row.CustomerId, RecordedAt = row.RecordedAt, Street = row.Street, Country = row.Country });
        }
    }

    protected override Task<List<string>> ReadAsync(PlainDbContext db, RetentionAction retention, ReadPath path) => retention == RetentionAction.Delete
        ? ReadAsync(db.DeletedRows, path, r => r.Street)
        : ReadAsync(db.AnonymizedRows, path, r => r.Street);
}
