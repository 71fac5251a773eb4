using Microsoft.EntityFrameworkCore;
using PrivacyEf.Internal;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Fluent;

namespace PrivacyEf.Tests.Fluent;

/// <summary>
/// A class with no attributes, declared personal in <c>OnModelCreating</c>, is protected exactly like its annotated
/// twin: ciphertext at rest, lookups by blind index, the same masks, export, erasure, purge and inventory. The
/// declaration belongs to one context's model: another context over the same class stores and shows plain values.
/// </summary>
public abstract class FluentConfigurationTests(DatabaseTarget target)
{
    private const string Email = "ada@example.com";
    private const string Phone = "+44 20 7946 0958";
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task A_class_with_no_attributes_is_protected_like_its_annotated_twin()
    {
        using var app = new TestApp<FluentDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Members.Add(new FluentMember { Id = 1, Email = Email, Phone = Phone, BirthDate = new DateTime(1990, 5, 1, 0, 0, 0, DateTimeKind.Utc), Notes = "Write to " + Email, Tier = "gold" });
            db.AnnotatedMembers.Add(new AnnotatedMember { Id = 1, Email = Email, Phone = Phone, BirthDate = new DateTime(1990, 5, 1, 0, 0, 0, DateTimeKind.Utc), Notes = "Write to " + Email, Tier = "gold" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            foreach (var entity in new[] { typeof(FluentMember), typeof(AnnotatedMember) })
            {
                var table = db.Model.FindEntityType(entity)!.GetTableName();
                foreach (var column in new[] { "Email", "Phone", "Notes" })
                {
                    var stored = await StoredAsync(db, table, column);
                    Assert.DoesNotContain(Email, stored, StringComparison.Ordinal);
                    Assert.DoesNotContain("7946", stored, StringComparison.Ordinal);
                }
            }

            // Equality on the encrypted e-mail goes through the blind index, for both.
            Assert.Equal(1, await db.Members.Where(m => m.Email == Email).Select(m => m.Id).SingleAsync());
            Assert.Equal(1, await db.AnnotatedMembers.Where(m => m.Email == Email).Select(m => m.Id).SingleAsync());

            using (Privacy.Access("support", "agent-7", ["agent"]))
            {
                var fluent = await db.Members.AsNoTracking().SingleAsync();
                var annotated = await db.AnnotatedMembers.AsNoTracking().SingleAsync();
                Assert.NotEqual(Email, fluent.Email);
                Assert.Equal(annotated.Email, fluent.Email);
                Assert.Equal(annotated.Phone, fluent.Phone);
                Assert.Equal(annotated.BirthDate, fluent.BirthDate);
                Assert.Equal(annotated.Notes, fluent.Notes);
                Assert.Equal("gold", fluent.Tier);
                Assert.Equal(
                    await db.AnnotatedMembers.Select(m => new { m.Email, m.Phone }).SingleAsync(),
                    await db.Members.Select(m => new { m.Email, m.Phone }).SingleAsync());
            }

            var inventory = db.GetPrivacyInventory();
            var fluentEntry = Assert.Single(inventory.Entities, e => e.Name == nameof(FluentMember));
            var annotatedEntry = Assert.Single(inventory.Entities, e => e.Name == nameof(AnnotatedMember));
            Assert.Equal(Describe(annotatedEntry), Describe(fluentEntry));

            var export = await db.ExportSubjectAsync<FluentMember>(1);
            var row = Assert.Single(Assert.Single(export.Entities).Rows);
            Assert.Equal(Email, row["Email"].Value);
            Assert.True(row["Email"].Personal);
            Assert.Equal(PersonalDataCategory.Contact, row["Email"].Category);
            Assert.Equal(["support", "billing"], row["Email"].Purposes);
            Assert.False(row["Tier"].Personal);

            // Retained to be anonymized, so erasure anonymizes the row: both alike.
            var erasedFluent = Assert.Single((await db.EraseSubjectAsync<FluentMember>(1)).Entities);
            var erasedAnnotated = Assert.Single((await db.EraseSubjectAsync<AnnotatedMember>(1)).Entities);
            Assert.Equal((1, 0), (erasedFluent.Deleted + erasedFluent.Anonymized, erasedFluent.Held));
            Assert.Equal((erasedAnnotated.Deleted, erasedAnnotated.Anonymized), (erasedFluent.Deleted, erasedFluent.Anonymized));
            Assert.False(await db.Members.AnyAsync(m => m.Email == Email));
            Assert.DoesNotContain(Email, await db.Members.Select(m => m.Notes ?? "").SingleAsync(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_fluent_retention_rule_and_legal_hold_purge_like_the_attributes()
    {
        using var app = new TestApp<FluentDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            var closed = Now.AddDays(-31);
            db.Members.AddRange(
                new FluentMember { Id = 1, Email = "a@example.com", Phone = Phone, ClosedAt = closed },
                new FluentMember { Id = 2, Email = "b@example.com", ClosedAt = closed, OnHold = true },
                new FluentMember { Id = 3, Email = "c@example.com", ClosedAt = Now.AddDays(-1) });
            db.AnnotatedMembers.AddRange(
                new AnnotatedMember { Id = 1, Email = "a@example.com", Phone = Phone, ClosedAt = closed },
                new AnnotatedMember { Id = 2, Email = "b@example.com", ClosedAt = closed, OnHold = true },
                new AnnotatedMember { Id = 3, Email = "c@example.com", ClosedAt = Now.AddDays(-1) });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = Now });
            var fluent = Assert.Single(report.Entities, e => e.Entity == nameof(FluentMember));
            var annotated = Assert.Single(report.Entities, e => e.Entity == nameof(AnnotatedMember));
            Assert.Equal((RetentionAction.Anonymize, 1L, 1L), (fluent.Action, fluent.Rows, fluent.HeldRows));
            Assert.Equal((annotated.Action, annotated.Rows, annotated.HeldRows), (fluent.Action, fluent.Rows, fluent.HeldRows));

            var members = await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
            Assert.Equal(AnonymizedValues.TextPlaceholder, members[0].Email);
            Assert.Null(members[0].Phone);
            Assert.Equal("b@example.com", members[1].Email);
            Assert.Equal("c@example.com", members[2].Email);
            Assert.False(await db.Members.AnyAsync(m => m.Email == "a@example.com"));
        }
    }

    [SkippableFact]
    public async Task A_library_base_class_declared_fluently_is_encrypted_found_by_email_masked_exported_and_erased()
    {
        using var app = new TestApp<FluentDbContext>(Target);
        var user = new AppUser { UserName = Email, NormalizedUserName = Email.ToUpperInvariant(), Email = Email, NormalizedEmail = Email.ToUpperInvariant(), PhoneNumber = Phone, PasswordHash = "AQAAAAIAAYag", DisplayName = "Ada" };
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var table = db.Model.FindEntityType(typeof(AppUser))!.GetTableName();
            foreach (var column in new[] { "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PhoneNumber", "PasswordHash" })
            {
                var stored = await StoredAsync(db, table, column);
                Assert.DoesNotContain("example.com", stored, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("7946", stored, StringComparison.Ordinal);
                Assert.DoesNotContain("AQAAAAIAAYag", stored, StringComparison.Ordinal);
            }

            // What Identity's FindByEmailAsync does, and its unique index, which moved to the blind index.
            Assert.Equal(user.Id, (await db.Users.SingleAsync(u => u.NormalizedEmail == Email.ToUpperInvariant())).Id);
            db.Users.Add(new AppUser { UserName = "other", NormalizedEmail = Email.ToUpperInvariant() });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsSystemAsync());
        }

        await using (var db = app.NewContext())
        {
            using (Privacy.Access("support", "agent-7", ["agent"]))
            {
                var masked = await db.Users.AsNoTracking().SingleAsync();
                Assert.NotEqual(Email, masked.Email);
                Assert.NotEqual(Email, masked.UserName);
                Assert.DoesNotContain("7946", masked.PhoneNumber ?? "", StringComparison.Ordinal);
                Assert.Equal("Ada", masked.DisplayName);

                // Read around the declaration: through the library's class, or by name.
                Assert.NotEqual(Email, await db.Users.Select(u => ((LibraryUser)u).Email).SingleAsync());
                Assert.NotEqual(Email, await db.Users.Select(u => EF.Property<string>(u, nameof(LibraryUser.Email))).SingleAsync());
                Assert.NotEqual(Email, await db.Users.Select(u => new { Address = ((LibraryUser)u).Email }).Select(x => x.Address).SingleAsync());
            }

            // A lookup through the library's class still compares blind indexes.
            Assert.Equal(user.Id, await db.Users.Where(u => ((LibraryUser)u).NormalizedEmail == Email.ToUpperInvariant()).Select(u => u.Id).SingleAsync());

            var entry = Assert.Single(db.GetPrivacyInventory().Entities, e => e.Name == nameof(AppUser));
            Assert.Equal("Id", entry.SubjectProperty);
            Assert.Equal(
                ["UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PhoneNumber", "PasswordHash"],
                entry.Properties.Select(p => p.Name).OrderBy(ColumnOrder));
            Assert.All(entry.Properties, p => Assert.True(p.Encrypted));

            var export = await db.ExportSubjectAsync<AppUser>(user.Id);
            var row = Assert.Single(Assert.Single(export.Entities).Rows);
            Assert.Equal(Email, row["Email"].Value);
            Assert.True(row["PhoneNumber"].Personal);

            Assert.Equal(1, (await db.EraseSubjectAsync<AppUser>(user.Id)).Erased);
            Assert.False(await db.Users.AnyAsync());
        }
    }

    [SkippableFact]
    public async Task Two_contexts_over_one_class_keep_their_own_declarations()
    {
        // The plain model is built first, the fluent one next, then the plain one is used again: neither leaks into the other.
        using var plainApp = new TestApp<PlainDbContext>(Target, new TestAppSettings { DiscloseWithoutScope = false });
        using var fluentApp = new TestApp<FluentDbContext>(Target, new TestAppSettings { DiscloseWithoutScope = false });
        await using var plain = await plainApp.CreateDatabaseAsync();
        await using var fluent = await fluentApp.CreateDatabaseAsync();
        Assert.Null(PrivacyMetadata.Of(plain.Model.FindEntityType(typeof(FluentMember))!));
        Assert.NotNull(PrivacyMetadata.Of(fluent.Model.FindEntityType(typeof(FluentMember))!));

        plain.Members.Add(new FluentMember { Id = 1, Email = Email });
        fluent.Members.Add(new FluentMember { Id = 1, Email = Email });
        await plain.SaveChangesAsync();
        await fluent.SaveChangesAsSystemAsync();

        const string read = "SELECT \"Email\" AS \"Value\" FROM \"Members\"";
        Assert.Equal(Email, await plain.Database.SqlQueryRaw<string>(read).SingleAsync());
        Assert.DoesNotContain(Email, await fluent.Database.SqlQueryRaw<string>(read).SingleAsync(), StringComparison.Ordinal);
        using (Privacy.Access("support", "agent-7", ["agent"]))
        {
            Assert.Equal(Email, (await plain.Members.AsNoTracking().SingleAsync()).Email);
            Assert.Equal(Email, await plain.Members.Select(m => m.Email).SingleAsync());
            Assert.Equal(1, await plain.Members.Where(m => m.Email == Email).Select(m => m.Id).SingleAsync());
            Assert.NotEqual(Email, (await fluent.Members.AsNoTracking().SingleAsync()).Email);
            Assert.NotEqual(Email, await fluent.Members.Select(m => m.Email).SingleAsync());
        }

        Assert.DoesNotContain(plain.GetPrivacyInventory().Entities, e => e.Name == nameof(FluentMember));
        Assert.Contains(fluent.GetPrivacyInventory().Entities, e => e.Name == nameof(FluentMember));
    }

    [SkippableFact]
    public async Task A_mask_loaded_through_one_context_type_is_not_written_back_through_another()
    {
        using var app = new TestApp<FluentDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Members.Add(new FluentMember { Id = 1, Email = Email, Phone = Phone });
            await db.SaveChangesAsSystemAsync();
        }

        FluentMember loaded;
        await using (var db = app.NewContext())
        using (Privacy.Access("support", "agent-7", ["agent"]))
        {
            loaded = await db.Members.AsNoTracking().SingleAsync();
            Assert.NotEqual(Email, loaded.Email);
        }

        // The same declarations in another context type make other metadata objects: the masks must count there too.
        var options = new DbContextOptionsBuilder<FluentDbContext>();
        Target.UseDatabase(options.UsePrivacy(app.Services), app.Database);
        await using (var other = new OtherFluentDbContext(options.Options))
        using (Privacy.System("test: save a detached entity through another context type"))
        {
            loaded.Tier = "copper";
            other.Members.Update(loaded);
            await other.SaveChangesAsync();
        }

        await using var check = app.NewContext();
        var stored = await check.Members.AsNoTracking().SingleAsync();
        Assert.Equal(("copper", Email, Phone), (stored.Tier, stored.Email, stored.Phone));
    }

    [SkippableFact]
    public async Task Two_context_types_of_one_application_guard_a_projection_by_their_own_declarations()
    {
        using var app = new TestApp<FluentDbContext>(Target, new TestAppSettings
        {
            DiscloseWithoutScope = false,
            ConfigurePrivacy = o => o.Grant("agent", "support", PersonalDataCategory.Contact),
        });
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Members.Add(new FluentMember { Id = 1, Email = Email });
            await db.SaveChangesAsSystemAsync();
        }

        var options = new DbContextOptionsBuilder<StricterFluentDbContext>();
        Target.UseDatabase(options.UsePrivacy(app.Services), app.Database);
        await using var contact = app.NewContext();
        await using var credential = new StricterFluentDbContext(options.Options);
        using (Privacy.Access("support", "agent-7", ["agent"]))
        {
            // One query shape, compiled first where the e-mail is contact data the agent may see, then where it is a credential.
            Assert.Equal(Email, await contact.Members.Select(m => m.Email).SingleAsync());
            Assert.NotEqual(Email, await credential.Members.Select(m => m.Email).SingleAsync());
            Assert.NotEqual(Email, (await credential.Members.AsNoTracking().SingleAsync()).Email);
        }
    }

    /// <summary>What the database holds in a column of a one-row table, read past EF's converters.</summary>
    private static Task<string> StoredAsync(DbContext db, string? table, string column)
    {
        var sql = "SELECT \"" + column + "\" AS \"Value\" FROM \"" + table + "\"";
        return db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }

    private static int ColumnOrder(string name) =>
        Array.IndexOf(["UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PhoneNumber", "PasswordHash"], name);

    private static string Describe(InventoryEntity entity) =>
        $"subject {entity.SubjectProperty}, {entity.RetentionDays} days from {entity.RetentionFrom} then {entity.RetentionAction}: "
        + string.Join("; ", entity.Properties.Select(p => $"{p.Name} {p.Category} {p.Encrypted} {p.Searchable} {p.Mask} {p.Redacted} {string.Join(",", p.Purposes)}"));
}
