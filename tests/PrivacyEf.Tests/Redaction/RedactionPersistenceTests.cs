using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Redaction;

/// <summary>Redaction on save and of stored history, on every provider; each provider runs these through a subclass.</summary>
public abstract class RedactionPersistenceTests(DatabaseTarget target)
{
    protected const string Card = "4111 1111 1111 1111";
    protected const string Iban = "DE89 3704 0044 0532 0130 00";
    protected const string Chat = "Please charge " + Card + ", refund to " + Iban + ", my password is Sommer2024!";
    protected const string RedactedChat = "Please charge [REDACTED:CREDIT_CARD], refund to [REDACTED:IBAN], my password is [REDACTED:PASSWORD]";

    protected DatabaseTarget Target { get; } = target;

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Added_text_is_redacted_before_it_is_stored(bool async)
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        var message = new SupportMessage { Author = "ada", Body = Chat, PrivateNote = "note: card " + Card, Subject = "about " + Card };
        await using (var db = app.NewContext())
        {
            db.Messages.Add(message);
            if (async)
            {
                await db.SaveChangesAsSystemAsync();
            }
            else
            {
                db.SaveChangesAsSystem();
            }
        }

        Assert.Equal(RedactedChat, message.Body);
        await using var read = app.NewContext();
        var stored = await read.Messages.AsNoTracking().SingleAsync();
        Assert.Equal(RedactedChat, stored.Body);
        Assert.Equal("note: card [REDACTED:CREDIT_CARD]", stored.PrivateNote);
        Assert.Equal("about " + Card, stored.Subject);
        await AssertStoredColumnsHoldNoCardAsync(read);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Modified_properties_are_redacted_and_untouched_ones_are_not_reprocessed(bool async)
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        int id;
        await using (var db = app.NewContext())
        {
            var message = new SupportMessage { Author = "ada", Body = "hello" };
            db.Messages.Add(message);
            await db.SaveChangesAsSystemAsync();
            id = message.Id;
        }

        await using (var db = app.NewContext())
        {
            var message = await db.Messages.SingleAsync(m => m.Id == id);
            message.Body = "new card " + Card;
            if (async)
            {
                await db.SaveChangesAsSystemAsync();
            }
            else
            {
                db.SaveChangesAsSystem();
            }

            Assert.Single(app.Observer.Events);
            message.Subject = "changed subject";
            await db.SaveChangesAsSystemAsync();
            Assert.Single(app.Observer.Events);
        }

        await using var read = app.NewContext();
        var stored = await read.Messages.AsNoTracking().SingleAsync();
        Assert.Equal("new card [REDACTED:CREDIT_CARD]", stored.Body);
        Assert.Equal("changed subject", stored.Subject);
    }

    [SkippableFact]
    public async Task Observers_hear_types_and_counts_never_values()
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        await using (var db = app.NewContext())
        {
            db.Messages.Add(new SupportMessage { Author = "ada", Body = Chat + " and " + Card, PrivateNote = "nothing to see" });
            await db.SaveChangesAsSystemAsync();
        }

        var redaction = Assert.Single(app.Observer.Events);
        Assert.Equal(nameof(SupportMessage), redaction.EntityType);
        Assert.Equal(nameof(SupportMessage.Body), redaction.Property);
        Assert.Equal(RedactionSource.SaveChanges, redaction.Source);
        Assert.Equal(new Dictionary<string, int> { ["CREDIT_CARD"] = 2, ["IBAN"] = 1, ["PASSWORD"] = 1 }, redaction.FindingCounts);
        Assert.Equal(4, redaction.FindingCount);
        Assert.DoesNotContain("4111", redaction.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Options_configured_in_AddPrivacy_apply_on_save()
    {
        using var app = RedactionApp.Create(Target, o => o.Redaction
            .AddRecognizer("TICKET_REF", @"\bTCK-[0-9]{5}\b", value => value != "TCK-00000")
            .Ignore(PiiType.Email));
        await app.EnsureCreatedAsync();
        await using (var db = app.NewContext())
        {
            db.Messages.Add(new SupportMessage { Body = "see TCK-12345 and TCK-00000, mail a@example.com, card " + Card });
            await db.SaveChangesAsSystemAsync();
        }

        await using var read = app.NewContext();
        Assert.Equal("see [REDACTED:TICKET_REF] and TCK-00000, mail a@example.com, card [REDACTED:CREDIT_CARD]", (await read.Messages.AsNoTracking().SingleAsync()).Body);
        Assert.Equal(new Dictionary<string, int> { ["CREDIT_CARD"] = 1, ["TICKET_REF"] = 1 }, Assert.Single(app.Observer.Events).FindingCounts);
    }

    [SkippableFact]
    public async Task Pseudonyms_stay_the_same_across_restarts_and_differ_between_key_rings()
    {
        static void Pseudonymize(PrivacyOptions o) => o.Redaction.Use(PiiType.Email, RedactionOperator.Pseudonymize).Use(PiiType.CreditCard, RedactionOperator.KeepLastFour);
        using var app = RedactionApp.Create(Target, Pseudonymize);
        await app.EnsureCreatedAsync();
        await using (var db = app.NewContext())
        {
            db.Messages.Add(new SupportMessage { Body = "mail ada@example.com, card " + Card });
            await db.SaveChangesAsSystemAsync();
        }

        using var restarted = app.AnotherInstance(Target, Pseudonymize);
        await using (var db = restarted.NewContext())
        {
            db.Messages.Add(new SupportMessage { Body = "again ADA@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        using var stranger = RedactionApp.Create(Target, Pseudonymize);
        await stranger.EnsureCreatedAsync();
        await using (var db = stranger.NewContext())
        {
            db.Messages.Add(new SupportMessage { Body = "again ada@example.com" });
            await db.SaveChangesAsSystemAsync();
        }

        await using var read = app.NewContext();
        var bodies = await read.Messages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        await using var readStranger = stranger.NewContext();
        var strangerBody = (await readStranger.Messages.AsNoTracking().SingleAsync()).Body;
        var token = bodies[0].Split(' ')[1].TrimEnd(',');
        Assert.Matches(@"^\[EMAIL:[a-z]{10}\]$", token);
        Assert.EndsWith("card [REDACTED:CREDIT_CARD:****1111]", bodies[0], StringComparison.Ordinal);
        Assert.Equal("again " + token, bodies[1]);
        Assert.StartsWith("again [EMAIL:", strangerBody, StringComparison.Ordinal);
        Assert.NotEqual("again " + token, strangerBody);
    }

    [SkippableFact]
    public async Task Stored_history_is_redacted_in_batches_with_progress_and_a_rerun_changes_nothing()
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        await SeedHistoryAsync(app, rows: 23);

        var reports = new List<RedactionProgress>();
        RedactionProgress final;
        await using (var db = app.NewContext())
        {
            final = await db.RedactExistingAsync<SupportMessage>(new RedactExistingOptions { BatchSize = 5 }, new SynchronousProgress(reports.Add));
        }

        Assert.Equal(5, reports.Count);
        Assert.Equal([5L, 10, 15, 20, 23], reports.Select(r => r.RowsScanned));
        Assert.True(final.Completed);
        Assert.Equal(23, final.RowsScanned);
        Assert.Equal(16, final.RowsRedacted);
        Assert.Equal(16 * 3 + 8, final.Findings);
        Assert.Equal(23, final.LastKey);
        Assert.All(app.Observer.Events, e => Assert.Equal(RedactionSource.History, e.Source));
        await AssertHistoryRedactedAsync(app, rows: 23);

        await using (var db = app.NewContext())
        {
            var rerun = await db.RedactExistingAsync<SupportMessage>();
            Assert.Equal(23, rerun.RowsScanned);
            Assert.Equal(0, rerun.RowsRedacted);
            Assert.Equal(1, rerun.Batches);
        }
    }

    [SkippableFact]
    public async Task An_interrupted_run_keeps_its_committed_batches_and_a_resumed_run_finishes()
    {
        using var app = RedactionApp.Create(Target);
        await app.EnsureCreatedAsync();
        await SeedHistoryAsync(app, rows: 12);

        using var cancellation = new CancellationTokenSource();
        RedactionProgress? interruptedAt = null;
        await using (var db = app.NewContext())
        {
            var progress = new SynchronousProgress(p =>
            {
                interruptedAt = p;
                cancellation.Cancel();
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.RedactExistingAsync<SupportMessage>(new RedactExistingOptions { BatchSize = 4 }, progress, cancellation.Token));
        }

        Assert.NotNull(interruptedAt);
        Assert.Equal(4, interruptedAt.LastKey);
        await using (var read = app.NewContext())
        {
            var bodies = await read.Messages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
            Assert.DoesNotContain(bodies.Take(4), b => b.Contains("4111", StringComparison.Ordinal));
            Assert.Contains(bodies.Skip(4), b => b.Contains("4111", StringComparison.Ordinal));
        }

        await using (var db = app.NewContext())
        {
            var resumed = await db.RedactExistingAsync<SupportMessage>(new RedactExistingOptions { BatchSize = 4, ResumeAfter = interruptedAt.LastKey });
            Assert.Equal(8, resumed.RowsScanned);
            Assert.True(resumed.Completed);
        }

        await AssertHistoryRedactedAsync(app, rows: 12);
    }

    [SkippableFact]
    public async Task History_redaction_refuses_entities_it_cannot_redact_with_a_clear_message()
    {
        using var app = RedactionApp.Create(Target);
        await using var db = app.NewContext();

        var notInModel = await Assert.ThrowsAsync<InvalidOperationException>(() => db.RedactExistingAsync<Customer>());
        Assert.Contains("'Customer' is not an entity type of 'RedactionDbContext'", notInModel.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RedactExistingOptions { BatchSize = 0 });
        var badResume = await Assert.ThrowsAsync<ArgumentException>(() => db.RedactExistingAsync<SupportMessage>(new RedactExistingOptions { ResumeAfter = "not a number" }));
        Assert.Contains("SupportMessage", badResume.Message, StringComparison.Ordinal);
    }

    protected virtual Task AssertStoredColumnsHoldNoCardAsync(RedactionDbContext context) => Task.CompletedTask;

    /// <summary>Rows written before redaction was on: two in three hold a card, an IBAN and a password; every other one a date of birth in the encrypted note.</summary>
    private async Task SeedHistoryAsync(RedactionApp app, int rows)
    {
        using var legacy = app.LegacyInstance(Target);
        await using var db = legacy.NewContext();
        for (var i = 1; i <= rows; i++)
        {
            db.Messages.Add(new SupportMessage
            {
                Id = i,
                Author = "agent-" + i,
                Body = i % 3 == 0 ? "all good, thanks" : Chat,
                PrivateNote = i % 3 == 0 ? null : i % 2 == 0 ? "born on 4 March 1979" : "vip",
                Subject = "ticket " + i,
            });
        }

        await db.SaveChangesAsSystemAsync();
        Assert.Empty(legacy.Observer.Events);
        await using var check = legacy.NewContext();
        Assert.Equal(rows - (rows / 3), await check.Messages.CountAsync(m => m.Body == Chat));
    }

    private async Task AssertHistoryRedactedAsync(RedactionApp app, int rows)
    {
        await using var read = app.NewContext();
        var stored = await read.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(rows, stored.Count);
        foreach (var message in stored)
        {
            Assert.Equal(message.Id % 3 == 0 ? "all good, thanks" : RedactedChat, message.Body);
            Assert.Equal(message.Id % 3 == 0 ? null : message.Id % 2 == 0 ? "born on [REDACTED:DATE_OF_BIRTH]" : "vip", message.PrivateNote);
            Assert.Equal("ticket " + message.Id, message.Subject);
        }

        await AssertStoredColumnsHoldNoCardAsync(read);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, too late for an assertion).</summary>
    private sealed class SynchronousProgress(Action<RedactionProgress> report) : IProgress<RedactionProgress>
    {
        public void Report(RedactionProgress value) => report(value);
    }
}
