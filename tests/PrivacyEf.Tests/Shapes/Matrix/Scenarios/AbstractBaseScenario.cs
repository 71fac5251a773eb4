using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix.AbstractBase;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

public sealed class AbstractBaseScenario(DatabaseTarget target) : ShapeScenario<AbstractBaseDbContext>(target)
{
    public override string ExportPath => "Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(AbstractBaseAnonymizedRow), nameof(AbstractBaseDeletedRow)];

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(AbstractBaseDeletedRow) : typeof(AbstractBaseAnonymizedRow);

    protected override void Add(AbstractBaseDbContext db, MatrixRow row)
    {
        AnnotatedAddressRecord record = row.Retention == RetentionAction.Delete ? new AbstractBaseDeletedRow() : new AbstractBaseAnonymizedRow();
        record.Id = row.Id;
        record.CustomerId = row.CustomerId;
        record.RecordedAt = row.RecordedAt;
        record.Street = row.Street;
        record.Country = row.Country;
        db.Add(record);
    }

    protected override Task<List<string>> ReadAsync(AbstractBaseDbContext db, RetentionAction retention, ReadPath path) => retention == RetentionAction.Delete
        ? ReadAsync(db.DeletedRows, path, r => r.Street)
        : ReadAsync(db.AnonymizedRows, path, r => r.Street);
}
