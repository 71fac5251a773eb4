using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>A <see cref="ShapeScenario"/> whose model is <typeparamref name="TContext"/>'s, in an app of its own.</summary>
/// <typeparam name="TContext">The shape's context.</typeparam>
public abstract class ShapeScenario<TContext>(DatabaseTarget target) : ShapeScenario
    where TContext : DbContext
{
    private readonly TestApp<TContext> app = new(target);

    public override DbContext NewContext() => app.NewContext();

    public override async Task SeedAsync()
    {
        await using var db = await app.CreateDatabaseAsync();
        AddSubjects(db);
        foreach (var row in MatrixRow.All)
        {
            Add(db, row);
        }

        await db.SaveChangesAsSystemAsync();
    }

    public override async Task<IReadOnlyList<string>> ReadStreetsAsync(DbContext db, RetentionAction retention, ReadPath path) =>
        await ReadAsync((TContext)db, retention, path);

    /// <summary>Adds the data subjects, where the model has them as entities.</summary>
    protected virtual void AddSubjects(TContext db)
    {
    }

    protected abstract void Add(TContext db, MatrixRow row);

    protected abstract Task<List<string>> ReadAsync(TContext db, RetentionAction retention, ReadPath path);

    /// <summary>Reads <paramref name="street"/> of every row of <paramref name="rows"/> through <paramref name="path"/>.</summary>
    protected static async Task<List<string>> ReadAsync<TEntity>(IQueryable<TEntity> rows, ReadPath path, Expression<Func<TEntity, string>> street)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(street);
        var streetOf = street.Compile();
        return path switch
        {
            ReadPath.Tracked => (await rows.AsTracking().ToListAsync()).Select(streetOf).ToList(),
            ReadPath.NoTracking => (await rows.AsNoTracking().ToListAsync()).Select(streetOf).ToList(),
            _ => await rows.Select(street).ToListAsync(),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            app.Dispose();
        }
    }
}
