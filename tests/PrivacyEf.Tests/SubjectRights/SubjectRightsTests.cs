using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>Export of one subject's data, and the record of processing, on each provider.</summary>
public abstract class SubjectRightsTests(DatabaseTarget target) : IDisposable
{
    private readonly List<PrivacyApp> apps = [];

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Export_holds_every_row_of_the_subject_decrypted_with_category_purposes_and_retention_and_nothing_else()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        var export = await db.ExportSubjectAsync(1);

        Assert.Equal("1", export.SubjectId);
        var customer = Assert.Single(Assert.Single(export.Entities, e => e.Entity == nameof(Customer)).Rows);
        Assert.Equal("ada@example.com", customer["Email"].Value);
        Assert.Equal(PersonalDataCategory.Contact, customer["Email"].Category);
        Assert.Equal(["support", "billing"], customer["Email"].Purposes);
        Assert.False(customer["Segment"].Personal);
        var accounts = Assert.Single(export.Entities, e => e.Entity == nameof(Account)).Rows;
        Assert.Equal(["ada", "ada-admin"], accounts.Select(r => (string)r["Login"].Value!).Order(StringComparer.Ordinal));

        using var stream = new MemoryStream();
        await export.WriteJsonAsync(stream);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("grace", json, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        var email = document.RootElement.GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("entity").GetString() == nameof(Customer))
            .GetProperty("rows")[0].GetProperty("Email");
        Assert.Equal("ada@example.com", email.GetProperty("value").GetString());
        Assert.Equal("Contact", email.GetProperty("category").GetString());
        Assert.Equal("no retention period set", email.GetProperty("retention").GetString());
    }

    [SkippableFact]
    public async Task Export_of_an_unknown_subject_is_empty_and_a_mistyped_id_names_the_property()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        Assert.Empty((await db.ExportSubjectAsync(404)).Entities);
        var mistyped = await Assert.ThrowsAsync<ArgumentException>(() => db.ExportSubjectAsync("not-a-number"));
        Assert.Contains("'not-a-number' cannot be compared with", mistyped.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", mistyped.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_inventory_describes_each_personal_property_and_gives_a_notice_per_purpose()
    {
        var app = Track(PrivacyApp.Create(Target));
        await using var db = app.NewContext();
        var inventory = db.GetPrivacyInventory();

        var customer = Assert.Single(inventory.Entities, e => e.Name == nameof(Customer));
        Assert.Equal("Id", customer.SubjectProperty);
        var email = Assert.Single(customer.Properties, p => p.Name == nameof(Customer.Email));
        Assert.Equal((true, true, MaskStyle.Email), (email.Encrypted, email.Searchable, email.Mask));
        Assert.Equal(MaskStyle.Initials, Assert.Single(customer.Properties, p => p.Name == nameof(Customer.Name)).Mask);
        Assert.DoesNotContain(customer.Properties, p => p.Name == nameof(Customer.Segment));

        var markdown = inventory.ToMarkdown();
        Assert.Contains("| Email | Email | Contact | yes | yes | Email | no | support, billing |", markdown, StringComparison.Ordinal);
        Assert.Contains("For billing we keep your login from the account record for as long as the record exists, your name, e-mail address, phone, passport scan and preferred language from the customer record", markdown, StringComparison.Ordinal);
        Assert.Contains("your contact e-mail address and body from the support ticket record until one year after the support ticket is closed, then we anonymize it.", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(inventory.ToJson());
        Assert.Contains(json.RootElement.GetProperty("purposes").EnumerateArray(), p => p.GetProperty("name").GetString() == "support");
    }

    [SkippableFact]
    public async Task Erasure_deletes_or_anonymizes_per_retention_keeps_held_rows_and_is_idempotent()
    {
        var app = await SeedAsync();
        await using (var db = app.NewContext())
        {
            var receipt = await db.EraseSubjectAsync(1);
            Assert.Equal((1, 0, 0), Counts(receipt, nameof(Customer)));
            Assert.Equal((2, 0, 0), Counts(receipt, nameof(Account)));
            Assert.Equal((0, 1, 1), Counts(receipt, nameof(SupportTicket)));
            Assert.DoesNotContain("ada", receipt.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        await using (var db = app.NewContext())
        {
            Assert.Equal([2], await db.Customers.Select(c => c.Id).ToListAsync());
            Assert.Equal([3], await db.Accounts.Select(a => a.Id).ToListAsync());
            var tickets = await db.SupportTickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(("[anonymized]", null), (tickets[0].ContactEmail, tickets[0].Body));
            Assert.Equal(("ada.held@example.com", "held for the court"), (tickets[1].ContactEmail, tickets[1].Body));
            Assert.Equal("grace.ticket@example.com", tickets[2].ContactEmail);

            // The anonymized row is not found by its old value any more.
            Assert.False(await db.SupportTickets.AnyAsync(t => t.ContactEmail == "ada.ticket@example.com"));
            Assert.DoesNotContain((await db.ExportSubjectAsync(1)).Entities, e => e.Entity != nameof(SupportTicket));

            var again = await db.EraseSubjectAsync(1);
            Assert.Equal(0, again.Erased);
            Assert.Equal(1, again.Held);
        }
    }

    [SkippableFact]
    public async Task Export_and_erasure_are_recorded_in_the_access_log_without_personal_data()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        await db.ExportSubjectAsync(1);
        await db.EraseSubjectAsync(1);
        await db.FlushAccessLogAsync();

        var log = await db.Set<PrivacyEf.Access.Logging.PrivacyAccessLogEntry>().AsNoTracking().ToListAsync();
        var export = Assert.Single(log, e => e.Reason == "data subject export" && e.Entity == nameof(Customer));
        Assert.Equal(("1", 1), (export.SubjectIds, export.RowCount));
        Assert.Contains(log, e => e.Reason == "data subject erasure" && e.Entity == nameof(SupportTicket) && e.SubjectIds == "1");
        Assert.DoesNotContain(log, e => string.Join('|', e.Properties, e.SubjectIds, e.Actor, e.Reason).Contains("ada", StringComparison.OrdinalIgnoreCase));
        Assert.True((await db.VerifyAccessLogAsync()).IsIntact);
    }

    [SkippableFact]
    public async Task Rows_hidden_by_a_query_filter_are_exported_and_erased_too()
    {
        // A soft-delete filter hides an archived customer from the app, not from the subject's rights.
        using var app = new TestApp<PrivacyEf.Tests.Model.Shapes.FilteredDbContext>(Target);
        await using (var db = await app.CreateDatabaseAsync())
        {
            db.Customers.Add(new Customer { Id = 1, Name = "Ada", Email = "ada@example.com", Segment = "archived" });
            await db.SaveChangesAsSystemAsync();
        }

        await using (var db = app.NewContext())
        {
            var export = await db.ExportSubjectAsync(1);
            Assert.Equal("ada@example.com", Assert.Single(Assert.Single(export.Entities).Rows)["Email"].Value);
            Assert.Equal((1, 0, 0), Counts(await db.EraseSubjectAsync(1), nameof(Customer)));
            Assert.False(await db.Customers.IgnoreQueryFilters().AnyAsync());
        }
    }

    public void Dispose()
    {
        apps.ForEach(a => a.Dispose());
        GC.SuppressFinalize(this);
    }

    protected async Task<PrivacyApp> SeedAndEraseAsync()
    {
        var app = await SeedAsync();
        await using var db = app.NewContext();
        await db.EraseSubjectAsync(1);
        return app;
    }

    internal static (int Deleted, int Anonymized, int Held) Counts(ErasureReceipt receipt, string entity)
    {
        var result = Assert.Single(receipt.Entities, e => e.Entity == entity);
        return (result.Deleted, result.Anonymized, result.Held);
    }

    private PrivacyApp Track(PrivacyApp app)
    {
        apps.Add(app);
        return app;
    }

    private async Task<PrivacyApp> SeedAsync()
    {
        var app = Track(PrivacyApp.Create(Target));
        await using var db = await app.CreateDatabaseAsync();
        db.Customers.AddRange(
            new Customer { Id = 1, Name = "Ada", Email = "ada@example.com", Segment = "gold" },
            new Customer { Id = 2, Name = "Grace", Email = "grace@example.com", Segment = "basic" });
        db.SupportTickets.AddRange(
            new SupportTicket { Id = 1, CustomerId = 1, ContactEmail = "ada.ticket@example.com", Body = "zebra-ticket-body-marker", ClosedAt = DateTimeOffset.UnixEpoch },
            new SupportTicket { Id = 2, CustomerId = 1, ContactEmail = "ada.held@example.com", Body = "held for the court", OnHold = true },
            new SupportTicket { Id = 3, CustomerId = 2, ContactEmail = "grace.ticket@example.com", Body = "grace's ticket" });
        db.Accounts.AddRange(
            new Account { Id = 1, CustomerId = 1, Login = "ada" },
            new Account { Id = 2, CustomerId = 1, Login = "ada-admin" },
            new Account { Id = 3, CustomerId = 2, Login = "grace" });
        await db.SaveChangesAsSystemAsync();
        return app;
    }
}
