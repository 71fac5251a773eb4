using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix.Records;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

public sealed class PositionalRecordScenario(DatabaseTarget target) : ShapeScenario<RecordDbContext>(target)
{
    public override string ExportPath => "Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(RecordAnonymizedRow), nameof(RecordDeletedRow)];

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(RecordDeletedRow) : typeof(RecordAnonymizedRow);

    protected override void Add(RecordDbContext db, MatrixRow row)
    {
        if (row.Retention == RetentionAction.Delete)
        {
            db.DeletedRows.Add(new RecordDeletedRow(row.Id, row.CustomerId, row.RecordedAt, row.Street, row.Country));
        }
        else
        {
            db.AnonymizedRows.Add(new RecordAnonymizedRow(row.Id, row.CustomerId, row.RecordedAt, row.Street, row.Country));
        }
    }

    protected override Task<List<string>> ReadAsync(RecordDbContext db, RetentionAction retention, ReadPath path) => retention == RetentionAction.Delete
        ? ReadAsync(db.DeletedRows, path, r => r.Street)
        : ReadAsync(db.AnonymizedRows, path, r => r.Street);
}
