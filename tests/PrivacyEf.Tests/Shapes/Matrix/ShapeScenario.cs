using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>
/// One row of the matrix on one database: a context whose model holds the shape twice, once retained with
/// <c>Then = Delete</c> and once with <c>Then = Anonymize</c>, each entity type with a personal, encrypted street
/// (<see cref="MatrixRow.Street"/>), and what each column needs to know about where the shape keeps it.
/// </summary>
public abstract class ShapeScenario : IDisposable
{
    /// <summary>Where an export row holds the street (<c>Street</c>, <c>Address.Street</c>, <c>Addresses[0].Street</c>).</summary>
    public abstract string ExportPath { get; }

    /// <summary>The inventory's entries (CLR type names) that must list the street: one per entity type holding it.</summary>
    public abstract IReadOnlyList<string> InventoryEntities { get; }

    /// <summary>The refusal every capability meets because the model cannot be built, or null.</summary>
    public virtual ExpectedRefusal? ModelRefusal => null;

    /// <summary>Rows an erasure of a customer removes besides the customer's four rows: the customer's own, where it is an entity.</summary>
    public virtual int SubjectRowsOfTheirOwn => 0;

    /// <summary>The entity type retained with <paramref name="action"/>, as the purge's entity filter names it.</summary>
    public abstract Type RetainedType(RetentionAction action);

    /// <summary>The refusal of a purge of the entity type retained with <paramref name="action"/>, or null when the purge runs.</summary>
    public virtual ExpectedRefusal? PurgeRefusal(RetentionAction action) => null;

    public abstract DbContext NewContext();

    /// <summary>Creates the database and adds every <see cref="MatrixRow"/>.</summary>
    public abstract Task SeedAsync();

    /// <summary>The streets of the entity type retained with <paramref name="retention"/>, read through <paramref name="path"/>.</summary>
    public abstract Task<IReadOnlyList<string>> ReadStreetsAsync(DbContext db, RetentionAction retention, ReadPath path);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
