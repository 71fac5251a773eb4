using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyEf.Access.Logging;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>Synchronous and asynchronous durability of the access log, and entries that cannot be written.</summary>
public abstract partial class AccessLogDurabilityTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task In_synchronous_mode_the_entry_is_committed_when_ToList_returns()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.AccessLogDurability = AccessLogDurability.Synchronous);
        await using var db = app.NewContext();
        for (var read = 1; read <= 3; read++)
        {
            using (AccessApp.Agent())
            {
                await db.Patrons.AsNoTracking().Where(p => p.Id == 1).ToListAsync();
            }

            // No flush: another context (another connection) sees the committed entry at once.
            await using var other = app.NewContext();
            Assert.Equal(read, await other.Set<PrivacyAccessLogEntry>().CountAsync(e => e.Actor == "agent-7"));
        }

        using (AccessApp.Agent())
        {
            Assert.Single(db.Patrons.AsNoTracking().Where(p => p.Id == 2).ToList());
        }

        await using var check = app.NewContext();
        Assert.Equal(4, await check.Set<PrivacyAccessLogEntry>().CountAsync(e => e.Actor == "agent-7"));
    }

    [SkippableFact]
    public async Task In_synchronous_mode_a_read_inside_a_transaction_is_logged_without_waiting_for_itself()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.AccessLogDurability = AccessLogDurability.Synchronous);
        await using var db = app.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            using (AccessApp.Agent())
            {
                // On SQLite the transaction holds the file's write lock: a synchronous write would wait for it forever.
                await db.Patrons.AsNoTracking().Where(p => p.Id == 1).ToListAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }

            await transaction.CommitAsync();
        }

        await db.FlushAccessLogAsync();
        Assert.Equal(1, await db.Set<PrivacyAccessLogEntry>().CountAsync(e => e.Actor == "agent-7"));
    }

    [SkippableFact]
    public async Task In_synchronous_mode_a_failed_write_fails_the_query()
    {
        await using var office = await OfficeAppAsync(AccessLogDurability.Synchronous, new LogCapture());
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using (AccessApp.Agent())
            {
                await office.Db.Patrons.AsNoTracking().ToListAsync();
            }
        });
        Assert.Contains("Synchronous", failure.Message, StringComparison.Ordinal);
        Assert.Contains("public constructor that takes DbContextOptions<OfficeDbContext>", failure.InnerException!.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task In_asynchronous_mode_an_entry_that_cannot_be_written_is_counted_logged_and_reported_by_the_flush()
    {
        var lost = new ConcurrentQueue<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RetentionTelemetry.Name && instrument.Name == AccessLogTelemetry.EntriesLostName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                // Other tests lose entries of other contexts at the same time.
                if (tag.Key == AccessLogTelemetry.ContextTag && Equals(tag.Value, nameof(OfficeDbContext)))
                {
                    lost.Enqueue(value);
                }
            }
        });
        listener.Start();

        var logs = new LogCapture();
        await using var office = await OfficeAppAsync(AccessLogDurability.Asynchronous, logs);
        using (AccessApp.Agent())
        {
            await office.Db.Patrons.AsNoTracking().ToListAsync();
            await office.Db.Patrons.AsNoTracking().Where(p => p.Id == 1).ToListAsync();
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => office.Db.FlushAccessLogAsync());
        Assert.Contains("could not write 2 access log entries", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, lost.Sum());
        // One error per batch the writer gave up on; the two reads may have reached it in one batch or in two.
        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains("OfficeDbContext", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.Equal(2, errors.Sum(e => int.Parse(LostCount().Match(e.Message).Groups[1].Value, CultureInfo.InvariantCulture)));

        // Reported once; the writer keeps serving.
        await office.Db.FlushAccessLogAsync();
    }

    [SkippableFact]
    public async Task A_full_queue_makes_readers_wait_and_loses_nothing()
    {
        using var app = await AccessApp.CreateAsync(Target, o => o.AccessLogQueueCapacity = 1);
        await using var db = app.NewContext();
        await Parallel.ForAsync(0, 40, async (_, cancellationToken) =>
        {
            await using var reader = app.NewContext();
            using (AccessApp.Agent())
            {
                await reader.Patrons.AsNoTracking().Where(p => p.Id == 1).ToListAsync(cancellationToken);
            }
        });

        await db.FlushAccessLogAsync();
        Assert.Equal(40, await db.Set<PrivacyAccessLogEntry>().CountAsync(e => e.Actor == "agent-7"));
        Assert.True((await db.VerifyAccessLogAsync()).IsIntact);
    }

    [SkippableFact]
    public async Task Queued_entries_are_written_when_the_host_starts_to_stop()
    {
        Target.RequireAvailable();
        var keys = Directory.CreateTempSubdirectory("privacyef-keys-");
        using var lifetime = new StoppableLifetime();
        try
        {
            var database = Target.NewDatabaseName();
            var services = new ServiceCollection();
            services.AddSingleton<IHostApplicationLifetime>(lifetime);
            services.AddDataProtection().PersistKeysToFileSystem(keys);
            services.AddPrivacy(o => o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity));
            services.AddDbContextFactory<AccessDbContext>((sp, options) => Target.UseDatabase(options.UsePrivacy(sp), database));
            await using var provider = services.BuildServiceProvider();
            await using var db = await provider.GetRequiredService<IDbContextFactory<AccessDbContext>>().CreateDbContextAsync();
            await db.Database.EnsureCreatedAsync();
            db.Patrons.Add(new Patron { Id = 1, Name = "Ada Lovelace", Email = "ada@analytical.example" });
            await db.SaveChangesAsSystemAsync();
            using (AccessApp.Agent())
            {
                await db.Patrons.AsNoTracking().ToListAsync();
            }

            lifetime.StopApplication();
            Assert.Equal(1, await db.Set<PrivacyAccessLogEntry>().CountAsync(e => e.Actor == "agent-7"));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private async Task<OfficeApp> OfficeAppAsync(AccessLogDurability durability, LogCapture logs)
    {
        Target.RequireAvailable();
        var keys = Directory.CreateTempSubdirectory("privacyef-keys-");
        var database = Target.NewDatabaseName();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddSingleton(new TenantName("north"));
        services.AddDataProtection().PersistKeysToFileSystem(keys);
        services.AddPrivacy(o =>
        {
            o.Grant("agent", "support", PersonalDataCategory.Contact, PersonalDataCategory.Identity);
            o.AccessLogDurability = durability;
        });
        services.AddDbContextFactory<OfficeDbContext>((sp, options) => Target.UseDatabase(options.UsePrivacy(sp), database));
        var provider = services.BuildServiceProvider();
        var db = await provider.GetRequiredService<IDbContextFactory<OfficeDbContext>>().CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        db.Patrons.Add(new Patron { Id = 1, Name = "Ada Lovelace", Email = "ada@analytical.example" });
        await db.SaveChangesAsSystemAsync();
        return new OfficeApp(provider, db, keys);
    }

    private sealed class OfficeApp(ServiceProvider provider, OfficeDbContext db, DirectoryInfo keys) : IAsyncDisposable
    {
        public OfficeDbContext Db { get; } = db;

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await provider.DisposeAsync();
            keys.Delete(recursive: true);
        }
    }

    [GeneratedRegex("lost ([0-9]+) access log entries")]
    private static partial Regex LostCount();
}
