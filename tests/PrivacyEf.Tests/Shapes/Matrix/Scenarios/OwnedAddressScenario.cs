using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix;
using PrivacyEf.Tests.Model.Matrix.Owned;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

/// <summary>An owned reference, stored as <typeparamref name="TContext"/> maps it: in the owner's table, or as JSON.</summary>
/// <typeparam name="TContext">The context that picks the storage.</typeparam>
public sealed class OwnedAddressScenario<TContext>(DatabaseTarget target) : ShapeScenario<TContext>(target)
    where TContext : OwnedAddressDbContext
{
    public override string ExportPath => "Address.Street";

    // An owned type is an entry of its own, once per owner.
    public override IReadOnlyList<string> InventoryEntities => [nameof(MatrixAddress), nameof(MatrixAddress)];

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(OwnedAddressDeletedRow) : typeof(OwnedAddressAnonymizedRow);

    // EF runs no ExecuteUpdate on an owned type mapped to JSON, so the purge cannot anonymize one: refused, naming it.
    public override ExpectedRefusal? PurgeRefusal(RetentionAction action) => action == RetentionAction.Anonymize && typeof(TContext) == typeof(OwnedJsonDbContext)
        ? new ExpectedRefusal(nameof(OwnedAddressAnonymizedRow), "Address (in a JSON column)", nameof(MatrixAddress.Street))
        : null;

    protected override void Add(TContext db, MatrixRow row)
    {
        var address = new MatrixAddress { Street = row.Street, Country = row.Country };
        if (row.Retention == RetentionAction.Delete)
        {
            db.DeletedRows.Add(new OwnedAddressDeletedRow { Id = row.Id, CustomerId = row.CustomerId, RecordedAt = row.RecordedAt, Address = address });
        }
        else
        {
            db.AnonymizedRows.Add(new OwnedAddressAnonymizedRow { Id = row.Id, CustomerId = row.CustomerId, RecordedAt = row.RecordedAt, Address = address });
        }
    }

    protected override Task<List<string>> ReadAsync(TContext db, RetentionAction retention, ReadPath path) => retention == RetentionAction.Delete
        ? ReadAsync(db.DeletedRows, path, r => r.Address.Street)
        : ReadAsync(db.AnonymizedRows, path, r => r.Address.Street);
}
