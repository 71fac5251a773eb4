using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix;
using PrivacyEf.Tests.Model.Matrix.Owned;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

/// <summary>Each row owns one address in its collection, so the street's path is <c>Addresses[0].Street</c>.</summary>
public sealed class OwnedCollectionScenario(DatabaseTarget target) : ShapeScenario<OwnedCollectionDbContext>(target)
{
    public override string ExportPath => "Addresses[0].Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(MatrixAddress), nameof(MatrixAddress)];

    public override Type RetainedType(RetentionAction action) => action == RetentionAction.Delete ? typeof(OwnedCollectionDeletedRow) : typeof(OwnedCollectionAnonymizedRow);

    // The purge's set-based update cannot reach a collection's table: documented, and refused before any row changes.
    public override ExpectedRefusal? PurgeRefusal(RetentionAction action) => action == RetentionAction.Anonymize
        ? new ExpectedRefusal(nameof(OwnedCollectionAnonymizedRow), "Addresses (a collection)", nameof(MatrixAddress.Street))
        : null;

    protected override void Add(OwnedCollectionDbContext db, MatrixRow row)
    {
        List<MatrixAddress> addresses = [new MatrixAddress { Street = row.Street, Country = row.Country }];
        if (row.Retention == RetentionAction.Delete)
        {
            db.DeletedRows.Add(new OwnedCollectionDeletedRow { Id = row.Id, CustomerId = row.CustomerId, RecordedAt = row.RecordedAt, Addresses = addresses });
        }
        else
        {
            db.AnonymizedRows.Add(new OwnedCollectionAnonymizedRow { Id = row.Id, CustomerId = row.CustomerId, RecordedAt = row.RecordedAt, Addresses = addresses });
        }
    }

    protected override Task<List<string>> ReadAsync(OwnedCollectionDbContext db, RetentionAction retention, ReadPath path) => retention == RetentionAction.Delete
        ? ReadManyAsync(db.DeletedRows, path, r => r.Addresses)
        : ReadManyAsync(db.AnonymizedRows, path, r => r.Addresses);

    private static async Task<List<string>> ReadManyAsync<TEntity>(IQueryable<TEntity> rows, ReadPath path, Expression<Func<TEntity, IEnumerable<MatrixAddress>>> addresses)
        where TEntity : class
    {
        var addressesOf = addresses.Compile();
        return path switch
        {
            ReadPath.Tracked => (await rows.AsTracking().ToListAsync()).SelectMany(addressesOf).Select(a => a.Street).ToList(),
            ReadPath.NoTracking => (await rows.AsNoTracking().ToListAsync()).SelectMany(addressesOf).Select(a => a.Street).ToList(),
            _ => await rows.SelectMany(addresses).Select(a => a.Street).ToListAsync(),
        };
    }
}
