using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Matrix.Inheritance;
using PrivacyEf.Tests.Model.Matrix.Owned;
using PrivacyEf.Tests.Shapes.Matrix.Scenarios;

namespace PrivacyEf.Tests.Shapes.Matrix;

public static class ShapeScenarios
{
    /// <summary>Every row of the matrix, for the columns' theories.</summary>
    public static TheoryData<MatrixShape> All => new(Enum.GetValues<MatrixShape>());

    /// <summary>A new scenario of <paramref name="shape"/>, with an app and a database of its own.</summary>
    public static ShapeScenario Create(MatrixShape shape, DatabaseTarget target) => shape switch
    {
        MatrixShape.PlainEntity => new PlainEntityScenario(target),
        MatrixShape.OwnedReference => new OwnedAddressScenario<OwnedReferenceDbContext>(target),
        MatrixShape.OwnedCollection => new OwnedCollectionScenario(target),
        MatrixShape.OwnedJson => new OwnedAddressScenario<OwnedJsonDbContext>(target),
        MatrixShape.PositionalRecord => new PositionalRecordScenario(target),
        MatrixShape.AbstractBase => new AbstractBaseScenario(target),
        MatrixShape.Tph => new InheritanceScenario<TphDbContext>(target),
        MatrixShape.Tpt => new InheritanceScenario<TptDbContext>(target),
        MatrixShape.Tpc => new InheritanceScenario<TpcDbContext>(target),
        MatrixShape.ShadowForeignKey => new ShadowForeignKeyScenario(target),
        MatrixShape.ComplexType => new ComplexTypeScenario(target),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "A shape with no scenario."),
    };
}
