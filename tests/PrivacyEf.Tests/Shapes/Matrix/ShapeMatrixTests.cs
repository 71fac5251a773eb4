using Microsoft.EntityFrameworkCore;
using PrivacyEf.Internal;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>
/// Issue 15's matrix, shape x capability x provider: each theory is a capability (a column), each of its cases a shape (a
/// row, <see cref="MatrixShape"/>), each provider a subclass; <c>Export(shape: OwnedCollection)</c> is one cell. Every
/// cell seeds the same <see cref="MatrixRow"/>s into a database of its own and checks the capability against it; a cell
/// whose shape does not support its capability asserts the documented refusal instead.
/// </summary>
public abstract class ShapeMatrixTests(DatabaseTarget target)
{
    private const string AnonymizedStreet = AnonymizedValues.TextPlaceholder;

    protected DatabaseTarget Target { get; } = target;

    /// <summary>The raw columns (for JSON, the JSON text) hold no street; the real streets still decrypt.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task EncryptedAtRest(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        await using var db = scenario.NewContext();
        if (scenario.ModelRefusal is { } refusal)
        {
            await refusal.AssertThrownByAsync(() => db.Database.EnsureCreatedAsync());
            return;
        }

        await scenario.SeedAsync();

        var stored = await RawDatabaseScan.ReadAsync(db);
        foreach (var row in MatrixRow.All)
        {
            stored.AssertFound(row.Country);
            stored.AssertNotFound(row.Street);
        }

        Assert.Equal(StreetsOf(RetentionAction.Delete), await ReadAsSystemAsync(scenario, RetentionAction.Delete));
        Assert.Equal(StreetsOf(RetentionAction.Anonymize), await ReadAsSystemAsync(scenario, RetentionAction.Anonymize));
    }

    /// <summary>A reader whose role has no grant sees every street masked, tracked, untracked and projected.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task MaskedOnRead(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        if (scenario.ModelRefusal is { } refusal)
        {
            await using var refusing = scenario.NewContext();
            using (Privacy.Access("support", "agent-7", ["agent"]))
            {
                await refusal.AssertThrownByAsync(() => scenario.ReadStreetsAsync(refusing, RetentionAction.Delete, ReadPath.NoTracking));
            }

            return;
        }

        await scenario.SeedAsync();

        foreach (var path in Enum.GetValues<ReadPath>())
        {
            foreach (var retention in Enum.GetValues<RetentionAction>())
            {
                // A context per read: a tracked masked entity would otherwise answer the next query in its place.
                await using var db = scenario.NewContext();
                using (Privacy.Access("support", "agent-7", ["agent"]))
                {
                    var seen = await scenario.ReadStreetsAsync(db, retention, path);
                    Assert.Equal(4, seen.Count);
                    foreach (var street in MatrixRow.All.Select(r => r.Street))
                    {
                        Assert.DoesNotContain(seen, value => value is not null && value.Contains(street, StringComparison.Ordinal));
                    }
                }
            }
        }

        Assert.Equal(StreetsOf(RetentionAction.Delete), await ReadAsSystemAsync(scenario, RetentionAction.Delete));
    }

    /// <summary>The customer's export holds each of their streets under its path, decrypted and classified, and no one else's.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task Export(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        await using var db = scenario.NewContext();
        if (scenario.ModelRefusal is { } refusal)
        {
            await refusal.AssertThrownByAsync(() => db.ExportSubjectAsync(MatrixRow.Ada));
            return;
        }

        await scenario.SeedAsync();

        var export = await db.ExportSubjectAsync(MatrixRow.Ada);

        var rows = export.Entities.SelectMany(e => e.Rows).ToList();
        var streets = rows.Where(r => r.ContainsKey(scenario.ExportPath)).Select(r => r[scenario.ExportPath]).ToList();
        Assert.Equal(MatrixRow.StreetsOf(r => r.CustomerId == MatrixRow.Ada), streets.Select(f => f.Value as string).Order(StringComparer.Ordinal));
        Assert.All(streets, field => Assert.Equal((true, PersonalDataCategory.Location), (field.Personal, field.Category)));
        var exported = rows.SelectMany(r => r.Values).Select(f => f.Value as string).OfType<string>().ToList();
        foreach (var other in MatrixRow.StreetsOf(r => r.CustomerId != MatrixRow.Ada))
        {
            Assert.DoesNotContain(other, exported);
        }
    }

    /// <summary>
    /// Erasure deletes the customer's rows retained with Delete and anonymizes those retained with Anonymize: none of
    /// their streets is left, in the raw columns or decrypted, while the other customer's rows stay as they were.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task Erasure(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        await using (var db = scenario.NewContext())
        {
            if (scenario.ModelRefusal is { } refusal)
            {
                await refusal.AssertThrownByAsync(() => db.EraseSubjectAsync(MatrixRow.Ada));
                return;
            }

            await scenario.SeedAsync();
            var receipt = await db.EraseSubjectAsync(MatrixRow.Ada);
            Assert.Equal(4 + scenario.SubjectRowsOfTheirOwn, receipt.Erased);
        }

        var stored = await ScanAsync(scenario);
        foreach (var row in MatrixRow.All)
        {
            stored.AssertNotFound(row.Street);
        }

        Assert.Equal(MatrixRow.StreetsOf(r => r.CustomerId == MatrixRow.Grace && r.Retention == RetentionAction.Delete), await ReadAsSystemAsync(scenario, RetentionAction.Delete));
        Assert.Equal(
            [.. MatrixRow.StreetsOf(r => r.CustomerId == MatrixRow.Grace && r.Retention == RetentionAction.Anonymize), AnonymizedStreet, AnonymizedStreet],
            await ReadAsSystemAsync(scenario, RetentionAction.Anonymize));
    }

    /// <summary>The purge of the entity type retained with Delete removes its expired rows, and only those.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task PurgeDelete(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        if (await PurgeIsRefusedAsync(scenario, RetentionAction.Delete))
        {
            return;
        }

        var report = await PurgeAsync(scenario, RetentionAction.Delete);
        Assert.Equal((2, 0), (report.RowsDeleted, report.RowsAnonymized));

        // The rows went, not just their streets: their country, stored next to the street, went with them.
        var stored = await ScanAsync(scenario);
        foreach (var row in MatrixRow.All.Where(r => r.Retention == RetentionAction.Delete && r.Expired))
        {
            stored.AssertNotFound(row.Country);
        }

        foreach (var row in MatrixRow.All.Where(r => r.Retention != RetentionAction.Delete || !r.Expired))
        {
            stored.AssertFound(row.Country);
        }

        Assert.Equal(MatrixRow.StreetsOf(r => r.Retention == RetentionAction.Delete && !r.Expired), await ReadAsSystemAsync(scenario, RetentionAction.Delete));
        Assert.Equal(StreetsOf(RetentionAction.Anonymize), await ReadAsSystemAsync(scenario, RetentionAction.Anonymize));
    }

    /// <summary>The purge of the entity type retained with Anonymize anonymizes the streets of its expired rows, and keeps the rows.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task PurgeAnonymize(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        if (await PurgeIsRefusedAsync(scenario, RetentionAction.Anonymize))
        {
            return;
        }

        var report = await PurgeAsync(scenario, RetentionAction.Anonymize);
        Assert.Equal((0, 2), (report.RowsDeleted, report.RowsAnonymized));

        var stored = await ScanAsync(scenario);
        foreach (var row in MatrixRow.All)
        {
            stored.AssertFound(row.Country);
            stored.AssertNotFound(row.Street);
        }

        Assert.Equal(
            [.. MatrixRow.StreetsOf(r => r.Retention == RetentionAction.Anonymize && !r.Expired), AnonymizedStreet, AnonymizedStreet],
            await ReadAsSystemAsync(scenario, RetentionAction.Anonymize));
        Assert.Equal(StreetsOf(RetentionAction.Delete), await ReadAsSystemAsync(scenario, RetentionAction.Delete));
    }

    /// <summary>The record of processing lists the street of every entity type holding it, encrypted, with its table and column.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShapeScenarios.All), MemberType = typeof(ShapeScenarios))]
    public async Task Inventory(MatrixShape shape)
    {
        using var scenario = ShapeScenarios.Create(shape, Target);
        await using var db = scenario.NewContext();
        if (scenario.ModelRefusal is { } refusal)
        {
            await refusal.AssertThrownByAsync(() => Task.FromResult(db.GetPrivacyInventory()));
            return;
        }

        await scenario.SeedAsync();

        var inventory = db.GetPrivacyInventory();

        var listing = inventory.Entities.Where(e => e.Properties.Any(p => p.Name == nameof(MatrixRow.Street))).ToList();
        Assert.Equal(scenario.InventoryEntities.Order(StringComparer.Ordinal), listing.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var entity in listing)
        {
            Assert.NotNull(entity.Table);
            var street = Assert.Single(entity.Properties, p => p.Name == nameof(MatrixRow.Street));
            Assert.Equal((PersonalDataCategory.Location, true), (street.Category, street.Encrypted));
            Assert.NotNull(street.Column);
        }
    }

    private static IReadOnlyList<string> StreetsOf(RetentionAction retention) => MatrixRow.StreetsOf(r => r.Retention == retention);

    private static PurgeOptions PurgeOf(ShapeScenario scenario, RetentionAction action) =>
        new() { Now = MatrixRow.PurgeNow, EntityFilter = type => type == scenario.RetainedType(action) };

    private static async Task<PurgeReport> PurgeAsync(ShapeScenario scenario, RetentionAction action)
    {
        await using var db = scenario.NewContext();
        return await db.PurgeExpiredAsync(PurgeOf(scenario, action));
    }

    private static async Task<RawDatabaseScan> ScanAsync(ShapeScenario scenario)
    {
        await using var db = scenario.NewContext();
        return await RawDatabaseScan.ReadAsync(db);
    }

    /// <summary>The streets as the application's own jobs see them (decrypted, unmasked), in order.</summary>
    private static async Task<IReadOnlyList<string>> ReadAsSystemAsync(ShapeScenario scenario, RetentionAction retention)
    {
        await using var db = scenario.NewContext();
        using (Privacy.System("test: check the matrix"))
        {
            return [.. (await scenario.ReadStreetsAsync(db, retention, ReadPath.NoTracking)).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Where the shape refuses the purge of <paramref name="action"/> (or refuses the model), asserts the refusal and that
    /// no street of that entity type changed, and returns true; otherwise seeds the database and returns false.
    /// </summary>
    private static async Task<bool> PurgeIsRefusedAsync(ShapeScenario scenario, RetentionAction action)
    {
        await using var db = scenario.NewContext();
        if (scenario.ModelRefusal is { } modelRefusal)
        {
            await modelRefusal.AssertThrownByAsync(() => db.PurgeExpiredAsync(PurgeOf(scenario, action)));
            return true;
        }

        await scenario.SeedAsync();
        if (scenario.PurgeRefusal(action) is not { } refusal)
        {
            return false;
        }

        await refusal.AssertThrownByAsync(() => db.PurgeExpiredAsync(PurgeOf(scenario, action)));
        Assert.Equal(StreetsOf(action), await ReadAsSystemAsync(scenario, action));
        return true;
    }
}
