using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix.Inheritance;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

/// <summary>
/// The derived types of one hierarchy, mapped by <typeparamref name="TContext"/> (TPH, TPT or TPC). Tracked entities are
/// read through the base set, so the masking column covers rows that the base type's query materializes as derived types.
/// </summary>
/// <typeparam name="TContext">The context that picks the mapping strategy.</typeparam>
public sealed class InheritanceScenario<TContext>(DatabaseTarget target) : ShapeScenario<TContext>(target)
    where TContext : InheritanceDbContext
{
    public override string ExportPath => "Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(InheritedAnonymizedRow), nameof(InheritedDeletedRow)];

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(InheritedDeletedRow) : typeof(InheritedAnonymizedRow);

    // EF runs no ExecuteDelete or ExecuteUpdate on a TPT hierarchy: the purge names the entity and the strategy instead.
    public override ExpectedRefusal? PurgeRefusal(RetentionAction action) => typeof(TContext) == typeof(TptDbContext)
        ? new ExpectedRefusal(RetainedType(action).Name, "table-per-type")
        : null;

    protected override void Add(TContext db, MatrixRow row)
    {
        InheritedRow entity = row.Retention == RetentionAction.Delete
            ? new InheritedDeletedRow { Street = row.Street }
            : new InheritedAnonymizedRow { Street = row.Street };
        entity.Id = row.Id;
        entity.CustomerId = row.CustomerId;
        entity.RecordedAt = row.RecordedAt;
        entity.Country = row.Country;
        db.Rows.Add(entity);
    }

    protected override async Task<List<string>> ReadAsync(TContext db, RetentionAction retention, ReadPath path)
    {
        if (path == ReadPath.Tracked)
        {
            var rows = await db.Rows.AsTracking().ToListAsync();
            return retention == RetentionAction.Delete
                ? rows.OfType<InheritedDeletedRow>().Select(r => r.Street).ToList()
                : rows.OfType<InheritedAnonymizedRow>().Select(r => r.Street).ToList();
        }

        return retention == RetentionAction.Delete
            ? await ReadAsync(db.DeletedRows, path, r => r.Street)
            : await ReadAsync(db.AnonymizedRows, path, r => r.Street);
    }
}
