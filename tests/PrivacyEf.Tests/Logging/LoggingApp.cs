using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace PrivacyEf.Tests.Logging;

/// <summary>
/// An application's services with a file key ring and the fake logger, which keeps every record as a provider gets
/// it: the formatted message and the structured state.
/// </summary>
internal sealed class LoggingApp : IDisposable
{
    private const string Category = "SupportDesk.Customers";

    private readonly ServiceProvider services;

    private LoggingApp(ServiceProvider services)
    {
        this.services = services;
        Logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        Collector = services.GetFakeLogCollector();
    }

    public ILogger Logger { get; }

    public FakeLogCollector Collector { get; }

    public IServiceProvider Services => services;

    /// <summary>The records of the test's own logger (Data Protection logs too, when it creates a key).</summary>
    public IReadOnlyList<FakeLogRecord> Records => [.. Collector.GetSnapshot().Where(record => record.Category == Category)];

    /// <summary>Everything the providers were given, message and state, one record a line.</summary>
    public string Output => string.Join('\n', Records.Select(record =>
        record.Message + " | " + string.Join(", ", (record.StructuredState ?? []).Select(pair => pair.Key + "=" + pair.Value)) + " | " + record.State));

    /// <param name="keyRing">The Data Protection key ring's directory; two apps on one ring share their pseudonym keys.</param>
    /// <param name="redaction">Adds (or not) log redaction to the services.</param>
    public static LoggingApp Start(string keyRing, Action<IServiceCollection> redaction)
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keyRing)).SetApplicationName("privacyef-log-tests");
        collection.AddPrivacy();
        redaction(collection);
        // After the redaction on purpose: a provider registered later must be covered too.
        collection.AddLogging(logging => logging.AddFakeLogging());
        return new LoggingApp(collection.BuildServiceProvider());
    }

    public void Dispose() => services.Dispose();
}
