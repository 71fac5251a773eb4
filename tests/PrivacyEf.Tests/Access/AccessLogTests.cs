using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Access;

/// <summary>Every disclosure is logged, without values, in a hash chain that shows tampering.</summary>
public abstract class AccessLogTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_disclosure_records_actor_purpose_entity_properties_subjects_and_rows()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            await db.Patrons.AsNoTracking().ToListAsync();
        }

        await db.FlushAccessLogAsync();
        var entry = Assert.Single(await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "agent-7").ToListAsync());
        Assert.Equal("support", entry.Purpose);
        Assert.Equal("Patron", entry.Entity);
        Assert.Equal("Email,Name", entry.Properties);
        Assert.Equal("1,2", entry.SubjectIds);
        Assert.Equal(2, entry.RowCount);
        Assert.Equal(AccessApp.Start.UtcDateTime, DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc));
    }

    [SkippableFact]
    public async Task Values_a_set_operator_Max_or_SelectMany_returns_are_logged_and_a_question_is_not()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (Privacy.System("test: birth years"))
        {
            Assert.Equal(2, (await db.Patrons.Select(p => p.BirthDate).Distinct().ToListAsync()).Count);
        }

        using (AccessApp.Clerk())
        {
            Assert.Single(await db.Orders.Select(o => o.CardNumber).Distinct().ToListAsync());
            Assert.Single(await db.Orders.Select(o => o.CardNumber).Union(db.Orders.Select(o => o.CardNumber)).ToListAsync());
            Assert.Equal("4111111111111111", await db.Orders.Select(o => o.CardNumber).MaxAsync());
            Assert.Equal(["4111111111111111"], await db.Patrons.SelectMany(p => p.Orders.Select(o => o.CardNumber)).ToListAsync());

            // A question about the value (the clerk may see it) returns none: nothing to log.
            Assert.Equal(1, await db.Orders.CountAsync(o => o.CardNumber.StartsWith("4111")));
        }

        await db.FlushAccessLogAsync();
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor != "system" || e.Reason != "seeding the test database").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            [
                ("system", "test: birth years", "Patron", "BirthDate"),
                ("clerk-2", "billing", "PatronOrder", "CardNumber"),
                ("clerk-2", "billing", "PatronOrder", "CardNumber"),
                ("clerk-2", "billing", "PatronOrder", "CardNumber"),
                ("clerk-2", "billing", "PatronOrder", "CardNumber"),
            ],
            entries.Select(e => (e.Actor, e.Reason ?? e.Purpose, e.Entity, e.Properties)));
    }

    [SkippableFact]
    public async Task Projections_and_system_reads_are_logged_and_masked_reads_are_not()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Clerk())
        {
            await db.Orders.Select(o => new { o.CardNumber, o.Amount }).ToListAsync();
        }

        using (AccessApp.Agent())
        {
            // Only masked values: nothing is disclosed, nothing is logged.
            await db.Orders.Select(o => o.CardNumber).ToListAsync();
        }

        using (Privacy.System("monthly statement run"))
        {
            await db.Patrons.Where(p => p.Id == 2).Select(p => p.Iban).ToListAsync();
        }

        await db.FlushAccessLogAsync();
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor != "system" || e.Reason != "seeding the test database").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("clerk-2", "billing", "PatronOrder", "CardNumber", "1", 1), (entries[0].Actor, entries[0].Purpose, entries[0].Entity, entries[0].Properties, entries[0].SubjectIds, entries[0].RowCount));
        Assert.Equal(("system", "monthly statement run", "Patron", "Iban", "2"), (entries[1].Actor, entries[1].Reason, entries[1].Entity, entries[1].Properties, entries[1].SubjectIds));
    }

    [SkippableFact]
    public async Task The_log_never_holds_personal_values()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        using (AccessApp.Clerk())
        {
            await db.Patrons.Include(p => p.Orders).AsNoTracking().ToListAsync();
            await db.Patrons.Select(p => new { p.Name, p.Email, p.Iban }).ToListAsync();
        }

        await db.FlushAccessLogAsync();
        var entries = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().ToListAsync();
        Assert.NotEmpty(entries);
        var text = string.Join("\n", entries.Select(e => string.Join("|", e.Actor, e.Purpose, e.Reason, e.Entity, e.Properties, e.SubjectIds, e.Hash)));
        foreach (var secret in new[] { "Ada", "Lovelace", "ada@analytical.example", "GB33BUKB", "5555", "4111111111111111", "Grace", "cobol" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Iban", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_untouched_log_verifies()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);
        var verification = await db.VerifyAccessLogAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(verification.EntriesChecked, verification.HeadSequence);
        Assert.True(verification.EntriesChecked >= 4);
    }

    [SkippableFact]
    public async Task An_edited_entry_is_detected()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);
        await db.Database.ExecuteSqlRawAsync("UPDATE privacy_access_log SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 2");
        var verification = await db.VerifyAccessLogAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBadSequence);
        Assert.Contains("altered", verification.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_deleted_entry_is_detected()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM privacy_access_log WHERE \"Sequence\" = 3");
        var verification = await db.VerifyAccessLogAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBadSequence);
        Assert.Contains("missing", verification.Problem, StringComparison.Ordinal);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM privacy_access_log WHERE \"Sequence\" = 1");
        Assert.Equal(2, (await db.VerifyAccessLogAsync()).FirstBadSequence);
    }

    [SkippableFact]
    public async Task An_inserted_entry_is_detected()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);

        // Make room in the middle of the chain, then forge an entry there that claims the right predecessor.
        await db.Database.ExecuteSqlRawAsync("UPDATE privacy_access_log SET \"Sequence\" = \"Sequence\" + 1000 WHERE \"Sequence\" >= 3");
        await db.Database.ExecuteSqlRawAsync("UPDATE privacy_access_log SET \"Sequence\" = \"Sequence\" - 999 WHERE \"Sequence\" >= 1003");
        var second = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().SingleAsync(e => e.Sequence == 2);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO privacy_access_log ("Sequence", "OccurredAt", "Actor", "Purpose", "Entity", "Properties", "SubjectIds", "RowCount", "PreviousHash", "Hash")
            VALUES (3, {second.OccurredAt}, 'agent-7', 'support', 'Patron', 'Email', '1', 1, {second.Hash}, {new string('a', 64)})
            """);
        var verification = await db.VerifyAccessLogAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBadSequence);
    }

    [SkippableFact]
    public async Task An_anchor_kept_elsewhere_catches_entries_cut_off_the_end()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);
        var anchor = await db.VerifyAccessLogAsync();
        await ReadSeveralTimesAsync(app, db);
        Assert.True((await db.VerifyAccessLogAsync(anchor)).IsIntact);

        await db.Database.ExecuteSqlAsync($"DELETE FROM privacy_access_log WHERE \"Sequence\" >= {anchor.HeadSequence}");
        Assert.True((await db.VerifyAccessLogAsync()).IsIntact, "a cut tail leaves a valid chain");
        var verification = await db.VerifyAccessLogAsync(anchor);
        Assert.False(verification.IsIntact);
        Assert.Equal(anchor.HeadSequence, verification.FirstBadSequence);
    }

    [SkippableFact]
    public async Task An_anchor_kept_elsewhere_catches_an_emptied_log()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);
        var anchor = await db.VerifyAccessLogAsync();
        Assert.True(anchor.HeadSequence > 0);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM privacy_access_log");

        var verification = await db.VerifyAccessLogAsync(anchor);
        Assert.False(verification.IsIntact);
        Assert.Equal(anchor.HeadSequence, verification.FirstBadSequence);
        Assert.Contains("empty", verification.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Purging_old_entries_keeps_the_log_verifiable()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using var db = app.NewContext();
        await ReadSeveralTimesAsync(app, db);
        var before = await db.VerifyAccessLogAsync();

        app.Clock.Advance(TimeSpan.FromDays(200));
        Assert.Equal(0, await db.PurgeAccessLogAsync());
        using (AccessApp.Agent())
        {
            await db.Patrons.AsNoTracking().ToListAsync();
        }

        app.Clock.Advance(TimeSpan.FromDays(200));
        var purged = await db.PurgeAccessLogAsync();
        Assert.Equal(before.HeadSequence, purged);

        var after = await db.VerifyAccessLogAsync();
        Assert.True(after.IsIntact, after.Problem);
        var remaining = await db.Set<PrivacyAccessLogEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, remaining.Count);
        Assert.Equal("agent-7", remaining[0].Actor);
        Assert.Equal(before.HeadSequence, remaining[1].PurgedThrough);

        // Cutting entries off the front without a purge is still caught.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM privacy_access_log WHERE \"PurgedThrough\" IS NOT NULL");
        Assert.False((await db.VerifyAccessLogAsync()).IsIntact);
    }

    [SkippableFact]
    public async Task Entries_of_a_request_scoped_context_are_written_after_the_request_scope_is_gone()
    {
        Target.RequireAvailable();
        var keys = Directory.CreateTempSubdirectory("privacyef-keys-");
        try
        {
            var database = Target.NewDatabaseName();
            var services = new ServiceCollection();
            services.AddDataProtection().PersistKeysToFileSystem(keys);
            services.AddPrivacy(o => o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity));
            services.AddDbContext<Model.Access.AccessDbContext>((sp, options) => Target.UseDatabase(options.UsePrivacy(sp), database));
            await using var provider = services.BuildServiceProvider(validateScopes: true);
            await using (var setup = provider.CreateAsyncScope())
            {
                var db = setup.ServiceProvider.GetRequiredService<Model.Access.AccessDbContext>();
                await db.Database.EnsureCreatedAsync();
                db.Patrons.Add(new Model.Access.Patron { Id = 1, Name = "Ada Lovelace", Email = "ada@analytical.example" });
                await db.SaveChangesAsSystemAsync();
            }

            await using (var request = provider.CreateAsyncScope())
            using (AccessApp.Agent())
            {
                await request.ServiceProvider.GetRequiredService<Model.Access.AccessDbContext>().Patrons.ToListAsync();
            }

            await using var after = provider.CreateAsyncScope();
            var check = after.ServiceProvider.GetRequiredService<Model.Access.AccessDbContext>();
            await check.FlushAccessLogAsync();
            var entry = Assert.Single(await check.Set<PrivacyAccessLogEntry>().AsNoTracking().ToListAsync());
            Assert.Equal(("agent-7", "Email,Name", "1"), (entry.Actor, entry.Properties, entry.SubjectIds));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Entries_still_queued_when_the_application_stops_are_written()
    {
        using var app = await AccessApp.CreateAsync(Target);
        var database = app.Database;
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                await db.Patrons.AsNoTracking().ToListAsync();
            }
        }

        app.Dispose();
        using var again = await AccessApp.OpenAsync(Target, database);
        await using var check = again.NewContext();
        var entry = Assert.Single(await check.Set<PrivacyAccessLogEntry>().AsNoTracking().Where(e => e.Actor == "agent-7").ToListAsync());
        Assert.Equal("1,2", entry.SubjectIds);
    }

    [SkippableFact]
    public async Task A_failed_write_is_reported_by_the_next_flush_and_the_writer_lives_on()
    {
        Target.RequireAvailable();
        var keys = Directory.CreateTempSubdirectory("privacyef-keys-");
        try
        {
            var database = Target.NewDatabaseName();
            var services = new ServiceCollection();
            services.AddSingleton(new Model.Access.TenantName("north"));
            services.AddDataProtection().PersistKeysToFileSystem(keys);
            services.AddPrivacy(o => o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity));
            services.AddDbContextFactory<Model.Access.TenantDbContext>((sp, options) => Target.UseDatabase(options.UsePrivacy(sp), database));
            await using var provider = services.BuildServiceProvider();
            await using var db = await provider.GetRequiredService<IDbContextFactory<Model.Access.TenantDbContext>>().CreateDbContextAsync();
            await db.Database.EnsureCreatedAsync();
            using (AccessApp.Agent())
            {
                await db.Patrons.ToListAsync();
                db.Patrons.Add(new Model.Access.Patron { Id = 1, Name = "Ada Lovelace", Email = "ada@analytical.example" });
                await db.SaveChangesAsync();
                await db.Patrons.AsNoTracking().ToListAsync();
            }

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => db.FlushAccessLogAsync());
            Assert.Contains("TenantDbContext", failure.InnerException!.Message, StringComparison.Ordinal);
            Assert.Contains("public constructor that takes DbContextOptions<TenantDbContext>", failure.InnerException.Message, StringComparison.Ordinal);

            // Reported once; the writer keeps serving.
            await db.FlushAccessLogAsync();
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static async Task ReadSeveralTimesAsync(AccessApp app, DbContext db)
    {
        foreach (var scope in new Func<PrivacyScope>[] { AccessApp.Agent, AccessApp.Clerk, AccessApp.Agent, AccessApp.Clerk })
        {
            using (scope())
            {
                await db.Set<Model.Access.Patron>().AsNoTracking().ToListAsync();
            }

            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await db.FlushAccessLogAsync();
    }
}
