using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access.MaskAttacks;

/// <summary>Attack probes on "a masked value is never written back by SaveChanges".</summary>
public sealed class MaskAttackTests : IDisposable
{
    private static readonly MethodInfo CloneMethod = typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly SqliteTarget target = new();

    public void Dispose() => target.Dispose();

    private static OtherAccessDbContext OtherContext(AccessApp app)
    {
        var builder = new DbContextOptionsBuilder<AccessDbContext>();
        app.Target.UseDatabase(builder.UsePrivacy(app.Services), app.Database);
        return new OtherAccessDbContext(builder.Options);
    }

    private static async Task<Patron> LoadAsAgentAsync(AccessApp app)
    {
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
            Assert.Equal(ReadPathTests.MaskedAdaIban, ada.Iban);
            return ada;
        }
    }

    private static async Task<Patron> StoredAsync(AccessApp app)
    {
        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            return await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 1);
        }
    }

    [SkippableFact]
    public async Task MaskAttack_saved_by_the_system_through_another_context_type_keeps_the_real_iban()
    {
        using var app = await AccessApp.CreateAsync(target);
        var ada = await LoadAsAgentAsync(app);
        await using (var other = OtherContext(app))
        using (Privacy.System("test: save a detached entity through another context type"))
        {
            ada.Tier = "copper";
            other.Patrons.Update(ada);
            await other.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal("copper", stored.Tier);
        Assert.Equal(ReadPathTests.AdaIban, stored.Iban);
    }

    [SkippableFact]
    public async Task MaskAttack_saved_by_the_agent_through_another_context_type_is_not_a_write_of_the_iban()
    {
        using var app = await AccessApp.CreateAsync(target);
        var ada = await LoadAsAgentAsync(app);
        await using (var other = OtherContext(app))
        using (AccessApp.Agent())
        {
            ada.Tier = "copper";
            other.Patrons.Update(ada);
            await other.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal(("copper", ReadPathTests.AdaIban), (stored.Tier, stored.Iban));
    }

    [SkippableFact]
    public async Task MaskAttack_reload_in_the_agent_scope_stays_masked()
    {
        using var app = await AccessApp.CreateAsync(target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
            await db.Entry(ada).ReloadAsync();
            Assert.Equal(ReadPathTests.MaskedAdaIban, ada.Iban);
            ada.Tier = "after-reload";
            await db.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal(("after-reload", ReadPathTests.AdaIban), (stored.Tier, stored.Iban));
    }

    [SkippableFact]
    public async Task MaskAttack_get_database_values_in_the_agent_scope_are_masked()
    {
        using var app = await AccessApp.CreateAsync(target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var ada = await db.Patrons.SingleAsync(p => p.Id == 1);
            Assert.Equal(ReadPathTests.MaskedAdaIban, ada.Iban);
            var values = await db.Entry(ada).GetDatabaseValuesAsync();
            Assert.Equal(
                (ReadPathTests.MaskedAdaIban, (object?)ReadPathTests.MaskedAdaBirthDate),
                ((string?)values![nameof(Patron.Iban)], values[nameof(Patron.BirthDate)]));
        }
    }

    [SkippableFact]
    public async Task MaskAttack_ef_property_projections_in_the_agent_scope_are_masked()
    {
        using var app = await AccessApp.CreateAsync(target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            var single = await db.Patrons.Where(p => p.Id == 1).Select(p => EF.Property<string>(p, nameof(Patron.Iban))).SingleAsync();
            Assert.Equal(ReadPathTests.MaskedAdaIban, single);
            var array = await db.Patrons.Where(p => p.Id == 1).Select(p => new object?[] { EF.Property<object>(p, nameof(Patron.Iban)) }).SingleAsync();
            Assert.NotEqual(ReadPathTests.AdaIban, array[0]);
        }
    }

    [SkippableFact]
    public async Task MaskAttack_masked_then_reloaded_by_system_then_saved_by_agent()
    {
        using var app = await AccessApp.CreateAsync(target);
        await using var db = app.NewContext();
        Patron ada;
        using (AccessApp.Agent())
        {
            ada = await db.Patrons.SingleAsync(p => p.Id == 1);
        }

        using (Privacy.System("test: reload"))
        {
            await db.Entry(ada).ReloadAsync();
            Assert.Equal(ReadPathTests.AdaIban, ada.Iban);
        }

        using (Privacy.System("test: save a plain change"))
        {
            ada.Tier = "reloaded";
            await db.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal(("reloaded", ReadPathTests.AdaIban), (stored.Tier, stored.Iban));
    }

    [SkippableFact]
    public async Task MaskAttack_json_output_has_no_trace_of_the_mask_slot()
    {
        using var app = await AccessApp.CreateAsync(target);
        var ada = await LoadAsAgentAsync(app);
        var json = JsonSerializer.Serialize(ada);
        Assert.DoesNotContain("asks", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("privacyEf", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ReadPathTests.MaskedAdaIban, JsonSerializer.Deserialize<Patron>(json)!.Iban);
    }

    [SkippableFact]
    public async Task MaskAttack_memberwise_clone_saved_by_a_clerk_keeps_the_real_iban()
    {
        using var app = await AccessApp.CreateAsync(target);
        var ada = await LoadAsAgentAsync(app);
        var clone = (Patron)CloneMethod.Invoke(ada, null)!;
        await using (var db = app.NewContext())
        using (AccessApp.Clerk())
        {
            clone.Tier = "clone";
            db.Patrons.Update(clone);
            await db.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal(("clone", ReadPathTests.AdaIban), (stored.Tier, stored.Iban));
    }

    [SkippableFact]
    public async Task MaskAttack_a_clone_of_a_masked_instance_added_as_a_new_row_is_refused()
    {
        using var app = await AccessApp.CreateAsync(target);
        var ada = await LoadAsAgentAsync(app);
        var copy = (Patron)CloneMethod.Invoke(ada, null)!;
        copy.Id = 4;
        copy.Orders = [];
        await using (var db = app.NewContext())
        using (Privacy.System("test: duplicate a patron"))
        {
            db.Patrons.Add(copy);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("Patron.Iban holds the mask", refused.Message, StringComparison.Ordinal);
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            Assert.False(await check.Patrons.IgnoreQueryFilters().AnyAsync(p => p.Id == 4));
        }
    }

    [SkippableFact]
    public async Task MaskAttack_changed_then_set_back_to_the_mask_keeps_the_real_iban()
    {
        using var app = await AccessApp.CreateAsync(target);
        var ada = await LoadAsAgentAsync(app);
        await using (var db = app.NewContext())
        using (AccessApp.Clerk())
        {
            db.Patrons.Attach(ada);
            ada.Iban = "DE02120300000000202051";
            db.ChangeTracker.DetectChanges();
            ada.Iban = ReadPathTests.MaskedAdaIban;
            ada.Tier = "back";
            await db.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal(("back", ReadPathTests.AdaIban), (stored.Tier, stored.Iban));
    }

    [SkippableFact]
    public async Task MaskAttack_two_scopes_read_the_same_tracked_instance()
    {
        using var app = await AccessApp.CreateAsync(target);
        await using var db = app.NewContext();
        Patron ada;
        using (AccessApp.Agent())
        {
            ada = await db.Patrons.SingleAsync(p => p.Id == 1);
        }

        using (AccessApp.Clerk())
        {
            var again = await db.Patrons.SingleAsync(p => p.Id == 1);
            Assert.Same(ada, again);
            again.Tier = "twice";
            await db.SaveChangesAsync();
        }

        var stored = await StoredAsync(app);
        Assert.Equal(("twice", ReadPathTests.AdaIban), (stored.Tier, stored.Iban));
    }

    [SkippableFact]
    public async Task MaskAttack_the_slot_is_not_in_the_model_nor_in_the_schema()
    {
        using var app = await AccessApp.CreateAsync(target);
        await using var db = app.NewContext();
        foreach (var type in db.Model.GetEntityTypes())
        {
            Assert.DoesNotContain(type.GetProperties(), p => p.Name.Contains("Mask", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(type.GetNavigations(), p => p.Name.Contains("Mask", StringComparison.OrdinalIgnoreCase));
        }

        Assert.DoesNotContain("mask", db.Database.GenerateCreateScript(), StringComparison.OrdinalIgnoreCase);
    }
}
