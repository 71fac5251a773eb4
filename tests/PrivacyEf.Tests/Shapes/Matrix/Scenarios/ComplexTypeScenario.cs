using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Shapes;

namespace PrivacyEf.Tests.Shapes.Matrix.Scenarios;

/// <summary>
/// A complex type (<c>ComplexProperty</c>) with a <c>[Personal]</c> street: PrivacyEf cannot protect it yet, so the model
/// is refused when it is built and every capability meets that refusal, rather than store or return plaintext.
/// </summary>
public sealed class ComplexTypeScenario(DatabaseTarget target) : ShapeScenario<ParcelDbContext>(target)
{
    public override ExpectedRefusal? ModelRefusal { get; } = new($"{nameof(Parcel)}.{nameof(Parcel.Destination)}", "complex type", nameof(ParcelAddress), nameof(ParcelAddress.Street));

    public override string ExportPath => "Destination.Street";

    public override IReadOnlyList<string> InventoryEntities => [nameof(Parcel)];

    public override Type RetainedType(RetentionAction action) => typeof(Parcel);

    protected override void Add(ParcelDbContext db, MatrixRow row) =>
        db.Parcels.Add(new Parcel { Id = row.Id, Destination = new ParcelAddress { Street = row.Street, Country = row.Country } });

    protected override Task<List<string>> ReadAsync(ParcelDbContext db, RetentionAction retention, ReadPath path) =>
        ReadAsync(db.Parcels, path, p => p.Destination.Street);
}
