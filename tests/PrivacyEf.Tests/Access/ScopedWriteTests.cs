using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;
using PrivacyEf.Tests.Model.Shapes;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// Writing a personal property needs a scope that may see it: adding an entity writes each personal property that
/// has a value, and every way EF marks a property as modified counts. Outside any scope writes are refused unless
/// <see cref="PrivacyOptions.WritesWithoutScope"/> allows them.
/// </summary>
public abstract class ScopedWriteTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Adding_an_entity_without_a_scope_is_refused_naming_entity_and_property()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            db.Patrons.Add(new Patron { Id = 4, Name = "Mallory", Email = "mallory@example.com", Tier = "basic" });
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal(("Patron", "Name", ""), (denied.EntityName, denied.PropertyName, denied.Purpose));
            Assert.Contains("No access scope is open, so Patron.Name (an added Patron writes each personal property that has a value) may not be written", denied.Message, StringComparison.Ordinal);
            Assert.Contains("WritesWithoutScope", denied.Message, StringComparison.Ordinal);

            // The synchronous save is guarded the same way.
            Assert.Throws<PrivacyAccessDeniedException>(() => db.SaveChanges());
        }

        Assert.Equal([1, 2, 3], await StoredIdsAsync(app));
    }

    [SkippableFact]
    public async Task Updating_a_new_stub_without_a_scope_is_refused()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            db.Patrons.Update(new Patron { Id = 2, Name = "Mallory", Email = "mallory@example.com", Tier = "basic" });
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal(("Patron", "Name"), (denied.EntityName, denied.PropertyName));
            Assert.Contains("Patron.Name may not be written", denied.Message, StringComparison.Ordinal);
        }

        await AssertGraceUnchangedAsync(app);
    }

    [SkippableFact]
    public async Task Attaching_a_stub_and_marking_a_personal_property_modified_without_a_scope_is_refused()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            var stub = new Patron { Id = 2, Email = "mallory@example.com" };
            db.Patrons.Attach(stub).Property(p => p.Email).IsModified = true;
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal(("Patron", "Email"), (denied.EntityName, denied.PropertyName));
        }

        await AssertGraceUnchangedAsync(app);
    }

    [SkippableFact]
    public async Task Setting_the_state_of_a_stub_to_modified_without_a_scope_is_refused()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            db.Entry(new Patron { Id = 2, Name = "Mallory", Email = "mallory@example.com", Tier = "basic" }).State = EntityState.Modified;
            await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
        }

        await AssertGraceUnchangedAsync(app);
    }

    [SkippableFact]
    public async Task An_entity_added_through_a_navigation_without_a_scope_is_refused()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            var grace = await db.Patrons.Include(p => p.Orders).SingleAsync(p => p.Id == 2);
            grace.Orders.Add(new PatronOrder { Id = 20, CardNumber = "4242424242424242", Amount = 3m });
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal(("PatronOrder", "CardNumber"), (denied.EntityName, denied.PropertyName));
        }

        await using var check = app.NewContext();
        Assert.False(await check.Orders.AnyAsync(o => o.Id == 20));
    }

    [SkippableFact]
    public async Task A_personal_property_of_an_owned_type_is_guarded_when_added_and_when_modified()
    {
        Target.RequireAvailable();
        using var app = new TestApp<MemberDbContext>(Target, new TestAppSettings { DiscloseWithoutScope = false });
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Members.Add(new Member { Id = 1, Contact = new MemberContact { MemberId = 1, Email = "ada@example.com" } });
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal(("MemberContact", "Email"), (denied.EntityName, denied.PropertyName));

            using (Privacy.System("test: seed"))
            {
                await db.SaveChangesAsync();
            }
        }

        await using (var db = app.NewContext())
        {
            var member = await db.Members.SingleAsync();
            member.Contact.Email = "mallory@example.com";
            var denied = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
            Assert.Equal(("MemberContact", "Email"), (denied.EntityName, denied.PropertyName));
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            Assert.Equal("ada@example.com", (await check.Members.AsNoTracking().SingleAsync()).Contact.Email);
        }
    }

    [SkippableFact]
    public async Task A_restricted_scope_may_not_add_or_change_a_property_it_may_not_see()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                db.Patrons.Add(new Patron { Id = 4, Name = "Mallory", Email = "mallory@example.com", Iban = "GB33BUKB20201555555555" });
                var added = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
                Assert.Equal(("Patron", "Iban", "support"), (added.EntityName, added.PropertyName, added.Purpose));
                Assert.Contains("may not write Patron.Iban (an added Patron", added.Message, StringComparison.Ordinal);

                db.ChangeTracker.Clear();
                db.Patrons.Attach(new Patron { Id = 2, Iban = "XX00000000000000000000" }).Property(p => p.Iban).IsModified = true;
                var modified = await Assert.ThrowsAsync<PrivacyAccessDeniedException>(() => db.SaveChangesAsync());
                Assert.Equal(("Patron", "Iban", "support"), (modified.EntityName, modified.PropertyName, modified.Purpose));
            }
        }

        Assert.Equal([1, 2, 3], await StoredIdsAsync(app));
        await AssertGraceUnchangedAsync(app);
    }

    [SkippableFact]
    public async Task A_restricted_scope_may_add_an_entity_whose_unseen_properties_are_unset()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Agent())
            {
                // Iban and BirthDate are null: the new row stores nothing the agent may not see.
                db.Patrons.Add(new Patron { Id = 4, Name = "Lin", Email = "lin@example.com", Tier = "basic" });
                await db.SaveChangesAsync();
            }
        }

        Assert.Equal([1, 2, 3, 4], await StoredIdsAsync(app));
    }

    [SkippableFact]
    public async Task A_scope_allowed_to_see_every_property_and_a_system_scope_may_write_them()
    {
        using var app = await AccessApp.CreateAsync(Target);
        await using (var db = app.NewContext())
        {
            using (AccessApp.Clerk())
            {
                db.Patrons.Add(new Patron { Id = 4, Name = "Lin", Email = "lin@example.com", Iban = "DE02120300000000202051", Tier = "basic" });
                await db.SaveChangesAsync();
            }

            using (Privacy.System("test: correct a record"))
            {
                db.ChangeTracker.Clear();
                db.Patrons.Update(new Patron { Id = 2, Name = "Grace B. Hopper", Email = "grace@navy.example", Iban = "DE89370400440532013000", BirthDate = new DateTime(1906, 12, 9, 0, 0, 0, DateTimeKind.Utc), Tier = "basic" });
                await db.SaveChangesAsync();
            }
        }

        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            var stored = await check.Patrons.AsNoTracking().Where(p => p.Id == 2 || p.Id == 4).OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(("Grace B. Hopper", "grace@navy.example"), (stored[0].Name, stored[0].Email));
            Assert.Equal(("Lin", "DE02120300000000202051"), (stored[1].Name, stored[1].Iban));
        }
    }

    [SkippableFact]
    public async Task The_option_allows_unscoped_writes_and_deleting_is_no_write_of_values()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.WritesWithoutScope = UnscopedWrites.Allow);
        await using (var db = app.NewContext())
        {
            db.Patrons.Add(new Patron { Id = 4, Name = "Lin", Email = "lin@example.com", Iban = "DE02120300000000202051", Tier = "basic" });
            db.Patrons.Update(new Patron { Id = 2, Name = "Grace B. Hopper", Email = "grace@navy.example", Tier = "basic" });
            await db.SaveChangesAsync();
        }

        using var strict = await AccessApp.CreateAsync(Target);
        await using (var db = strict.NewContext())
        {
            db.Patrons.Remove(new Patron { Id = 2 });
            await db.SaveChangesAsync();
        }

        Assert.Equal([1, 2, 3, 4], await StoredIdsAsync(app));
        Assert.Equal([1, 3], await StoredIdsAsync(strict));
        await using var check = app.NewContext();
        using (Privacy.System("test: check"))
        {
            Assert.Equal("grace@navy.example", (await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 2)).Email);
        }
    }

    private static async Task<List<int>> StoredIdsAsync(AccessApp app)
    {
        await using var check = app.NewContext();
        return await check.Patrons.IgnoreQueryFilters().Select(p => p.Id).OrderBy(id => id).ToListAsync();
    }

    private static async Task AssertGraceUnchangedAsync(AccessApp app)
    {
        await using var check = app.NewContext();
        using (Privacy.System("test: check what is stored"))
        {
            var grace = await check.Patrons.AsNoTracking().SingleAsync(p => p.Id == 2);
            Assert.Equal(("Grace Hopper", "grace@cobol.example", "DE89370400440532013000"), (grace.Name, grace.Email, grace.Iban));
        }
    }
}
