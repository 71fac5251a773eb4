using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrivacyEf.Redaction;

/// <summary>One application's redaction: its redactor (built on first use, with the pseudonym key of its key ring) and its observers.</summary>
internal sealed class RedactionRuntime
{
    private readonly Lazy<PiiRedactor> redactor;
    private readonly Lazy<IRedactionObserver[]> observers;
    private readonly ILogger logger;

    public RedactionRuntime(RedactionOptions options, IDataProtectionProvider dataProtection, IServiceProvider? services, ILogger logger)
    {
        this.logger = logger;
        var snapshot = options.Clone();
        redactor = new Lazy<PiiRedactor>(() =>
        {
            var keyManager = services?.GetService<IKeyManager>();
            var derivedKey = snapshot.PseudonymKey is null && keyManager is not null ? PseudonymKeyDerivation.Derive(dataProtection, keyManager) : null;
            return new PiiRedactor(snapshot, derivedKey);
        });

        // Resolved on first use, so an observer may depend on services that depend on PrivacyEf.
        observers = new Lazy<IRedactionObserver[]>(() => services?.GetServices<IRedactionObserver>().ToArray() ?? []);
    }

    public PiiRedactor Redactor => redactor.Value;

    public void Report(string entityType, string property, RedactionSource source, IReadOnlyList<RedactionFinding> findings)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            counts[finding.Label] = counts.GetValueOrDefault(finding.Label) + 1;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var summary = string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));
            RedactionLog.TextRedacted(logger, findings.Count, entityType, property, source, summary);
        }

        var observed = observers.Value;
        if (observed.Length == 0)
        {
            return;
        }

        var redaction = new RedactionEvent(entityType, property, source, counts);
        foreach (var observer in observed)
        {
            observer.OnRedacted(redaction);
        }
    }
}
