using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrivacyEf.Benchmarks.Logging;

/// <summary>
/// The cost of the free-text opt-in: the same three records (a customer with [LogProperties], an agent's note with a
/// card number, an event without personal data) logged with AddPrivacyLogRedaction, without and with RedactFreeText,
/// to a provider that formats each record as real providers do.
/// </summary>
[MemoryDiagnoser]
public class LogRedactionBenchmarks
{
    private const int RecordsPerRound = 30_000;

    private static readonly BenchLoggedCustomer Customer = new() { Id = 42, Email = "ada.lovelace@example.com", Name = "Ada Lovelace", Tier = "gold" };

    private static readonly DirectoryInfo KeyRing = Directory.CreateTempSubdirectory("privacyef-bench-keys-");

    private ServiceProvider? classifiedOnly;
    private ServiceProvider? withFreeText;
    private ILogger classifiedLogger = null!;
    private ILogger freeTextLogger = null!;

    [GlobalSetup]
    public void Setup()
    {
        (classifiedOnly, classifiedLogger) = Start(redactFreeText: false);
        (withFreeText, freeTextLogger) = Start(redactFreeText: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        classifiedOnly?.Dispose();
        withFreeText?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "3 records, classified values redacted")]
    public void ClassifiedOnly() => LogThree(classifiedLogger, 1);

    [Benchmark(Description = "3 records, classified values and free text redacted")]
    public void WithFreeText() => LogThree(freeTextLogger, 1);

    /// <summary>Quick mode: both set-ups timed in turns in one run, per record and as a ratio.</summary>
    public static void Quick()
    {
        var (classified, classifiedLog) = Start(redactFreeText: false);
        var (freeText, freeTextLog) = Start(redactFreeText: true);
        using (classified)
        using (freeText)
        {
            var ratio = QuickComparison.Compare(
                $"logging {3 * RecordsPerRound:N0} records, + RedactFreeText",
                () => LogThree(classifiedLog, RecordsPerRound),
                () => LogThree(freeTextLog, RecordsPerRound));
            PerRecord("classified values redacted", classifiedLog);
            PerRecord("classified values and free text redacted", freeTextLog);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"free-text redaction costs {ratio:F2}x the time of logging with classified redaction only"));
        }
    }

    private static void PerRecord(string name, ILogger logger)
    {
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            LogThree(logger, RecordsPerRound);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        var records = 3.0 * RecordsPerRound;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-58} {best.TotalMilliseconds * 1000 * 1000 / records,8:F0} ns per record, {allocated / records,7:F0} bytes allocated per record"));
    }

    private static void LogThree(ILogger logger, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            BenchLog.SignedIn(logger, Customer);
            BenchLog.Noted(logger, i, "Customer paid by card 4111 1111 1111 1111 and asked for a receipt by mail.");
            BenchLog.Moved(logger, i, "billing", 12);
        }
    }

    private static (ServiceProvider Services, ILogger Logger) Start(bool redactFreeText)
    {
        var services = new ServiceCollection();
        // A key ring with a key manager, as a host has: the redactor's pseudonym key is derived from it.
        services.AddDataProtection().PersistKeysToFileSystem(KeyRing);
        services.AddPrivacyLogRedaction(o => o.RedactFreeText = redactFreeText);
        services.AddSingleton<ILoggerProvider, FormattingLoggerProvider>();
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<ILoggerFactory>().CreateLogger("SupportDesk"));
    }
}
