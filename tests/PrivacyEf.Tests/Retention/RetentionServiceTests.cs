using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PrivacyEf;
using PrivacyEf.Retention;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Retention.Model;

namespace PrivacyEf.Tests.Retention;

/// <summary>The hosted purge on fake time, and the purge's metrics and spans.</summary>
public sealed class RetentionServiceTests : IDisposable
{
    private readonly SqliteTarget sqlite = new();

    [Fact]
    public async Task The_hosted_purge_runs_daily_at_the_configured_time_on_the_application_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var reports = new ConcurrentQueue<PurgeReport>();
        using var app = new RetentionApp(sqlite, configureServices: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.AddPrivacyRetention<RetentionDbContext>(o =>
            {
                o.RunDailyAt(new TimeOnly(2, 30));
                o.BatchSize = 3;
                o.OnCompleted = reports.Enqueue;
            });
        });
        await app.EnsureCreatedAsync();
        await RetentionSeed.SessionsAsync(app, expired: 7, fresh: 2);

        var service = app.Services.GetServices<IHostedService>().OfType<PrivacyRetentionService<RetentionDbContext>>().Single();
        await service.StartAsync(CancellationToken.None);
        try
        {
            clock.Advance(new TimeSpan(2, 29, 0));
            await Task.Delay(300);
            Assert.Empty(reports);
            await using (var db = app.NewContext())
            {
                Assert.Equal(9, await db.Sessions.CountAsync());
            }

            clock.Advance(TimeSpan.FromMinutes(1));
            await RetentionTests.WaitUntilAsync(() => Task.FromResult(!reports.IsEmpty));
            Assert.True(reports.TryDequeue(out var first));
            Assert.Equal(new DateTimeOffset(2026, 6, 1, 2, 30, 0, TimeSpan.Zero), first.Now);
            Assert.Equal(7, first.RowsDeleted);
            Assert.Equal(3, first.For(nameof(SessionRecord))!.Batches);

            // The next day at the same time; the fresh rows expire on June 2 at noon, so they go on June 3.
            clock.Advance(TimeSpan.FromHours(23));
            await Task.Delay(200);
            Assert.Empty(reports);
            clock.Advance(TimeSpan.FromHours(1));
            await RetentionTests.WaitUntilAsync(() => Task.FromResult(!reports.IsEmpty));
            Assert.True(reports.TryDequeue(out var second));
            Assert.Equal(new DateTimeOffset(2026, 6, 2, 2, 30, 0, TimeSpan.Zero), second.Now);
            Assert.Equal(0, second.RowsDeleted);
            clock.Advance(TimeSpan.FromDays(1));
            await RetentionTests.WaitUntilAsync(() => Task.FromResult(!reports.IsEmpty));
            Assert.True(reports.TryDequeue(out var third));
            Assert.Equal(new DateTimeOffset(2026, 6, 3, 2, 30, 0, TimeSpan.Zero), third.Now);
            Assert.Equal(2, third.RowsDeleted);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void The_schedule_reads_the_time_of_day_in_its_time_zone()
    {
        var options = new PrivacyRetentionOptions().RunDailyAt(new TimeOnly(2, 30), TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2"));
        var next = options.NextRunAfter(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.Zero), next);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 0, 30, 0, TimeSpan.Zero), options.NextRunAfter(new DateTimeOffset(2026, 6, 1, 0, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_purge_run_emits_a_span_and_counts_rows_on_the_PrivacyEf_meter()
    {
        using var app = new RetentionApp(sqlite);
        await app.EnsureCreatedAsync();
        await RetentionSeed.SessionsAsync(app, expired: 4, held: 2);
        await RetentionSeed.TicketsAsync(app, expired: 3, held: 1);

        using var testSource = new ActivitySource("PrivacyEf.Tests.Retention");
        var spans = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RetentionTelemetry.Name or "PrivacyEf.Tests.Retention",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);

        using var parent = testSource.StartActivity("test")!;
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string? Entity)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RetentionTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Other tests purge in parallel; only this test's run (under its parent span) counts.
            if (Activity.Current?.RootId != parent.RootId)
            {
                return;
            }

            string? entity = null;
            foreach (var tag in tags)
            {
                if (tag.Key == RetentionTelemetry.EntityTag)
                {
                    entity = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, entity));
        });
        meterListener.Start();

        await using (var db = app.NewContext())
        {
            await db.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now, BatchSize = 2 });
        }

        long Sum(string instrument, string entity) => measurements.Where(m => m.Instrument == instrument && m.Entity == entity).Sum(m => m.Value);
        Assert.Equal(4, Sum("privacyef.retention.rows_purged", nameof(SessionRecord)));
        Assert.Equal(3, Sum("privacyef.retention.rows_anonymized", nameof(SupportTicket)));
        Assert.Equal(2, Sum("privacyef.retention.rows_held", nameof(SessionRecord)));
        Assert.Equal(1, Sum("privacyef.retention.rows_held", nameof(SupportTicket)));

        var span = Assert.Single(spans, s => s.OperationName == RetentionTelemetry.PurgeActivityName && s.RootId == parent.RootId);
        Assert.Equal(4L, span.GetTagItem("privacyef.purge.rows_deleted"));
        Assert.Equal(3L, span.GetTagItem("privacyef.purge.rows_anonymized"));
        Assert.Equal(3L, span.GetTagItem("privacyef.purge.rows_held"));
    }

    [Fact]
    public async Task Registered_retention_participants_run_with_every_purge_and_join_its_report()
    {
        var participant = new RecordingParticipant();
        using var app = new RetentionApp(sqlite, configureServices: services => services.AddSingleton<IRetentionParticipant>(participant));
        await app.EnsureCreatedAsync();

        await using var db = app.NewContext();
        var report = await db.PurgeExpiredAsync(new PurgeOptions { Now = RetentionSeed.Now });

        var request = Assert.Single(participant.Requests);
        Assert.Equal(RetentionSeed.Now, request.Now);
        Assert.Equal(42, report.For("AccessLog")!.Rows);
        Assert.Equal(42, report.RowsDeleted);
        Assert.Equal("AccessLog", report.Entities[^1].Entity);
    }

    [Fact]
    public async Task A_provider_without_set_based_sql_is_refused_with_a_clear_error()
    {
        var inMemory = new InMemoryTarget();
        using var app = new RetentionApp(inMemory);
        await using var db = app.NewContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.PurgeExpiredAsync());
        Assert.Contains("relational provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("InMemory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_are_refused_with_the_option_named()
    {
        using var app = new RetentionApp(sqlite);
        await using var db = app.NewContext();
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.PurgeExpiredAsync(new PurgeOptions { BatchSize = 0 }));
        Assert.Equal(nameof(PurgeOptions.BatchSize), error.ParamName);
    }

    public void Dispose() => sqlite.Dispose();
}
