namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>The rows of the shape matrix: every way an entity can hold a personal value.</summary>
/// <remarks>
/// Two shapes have no row because they cannot compile: annotations on a struct (PRIV016) and on a generic class that
/// could be an entity (PRIV017) are errors of the generator, tested in PrivacyEf.Generators.Tests'
/// <c>EntityShapeDiagnosticTests</c>; so is <c>[Personal]</c> on a record parameter without <c>property:</c> (PRIV018).
/// </remarks>
public enum MatrixShape
{
    /// <summary>The baseline: an entity with its personal property in a column of its own.</summary>
    PlainEntity,

    /// <summary><c>OwnsOne</c>: the personal property in an owned type stored in the owner's table.</summary>
    OwnedReference,

    /// <summary><c>OwnsMany</c>: the personal property in an owned collection, in a table of its own.</summary>
    OwnedCollection,

    /// <summary><c>OwnsOne(...).ToJson()</c>: the personal property inside a JSON column.</summary>
    OwnedJson,

    /// <summary>A positional record annotated with <c>[property: Personal(...)]</c>.</summary>
    PositionalRecord,

    /// <summary>An abstract class the model does not map, whose annotated properties its entities inherit.</summary>
    AbstractBase,

    /// <summary>A derived type's personal property, table-per-hierarchy.</summary>
    Tph,

    /// <summary>A derived type's personal property, table-per-type.</summary>
    Tpt,

    /// <summary>A derived type's personal property, table-per-concrete-type.</summary>
    Tpc,

    /// <summary><c>[DataSubject]</c> on a navigation whose foreign key is a shadow property.</summary>
    ShadowForeignKey,

    /// <summary><c>ComplexProperty</c> with <c>[Personal]</c> properties: refused when the model is built.</summary>
    ComplexType,
}
