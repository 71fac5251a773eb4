using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyEf.Kernel;

namespace PrivacyEf.Redaction;

/// <summary>One application's redaction: its redactor (built on first use, with the pseudonym key of its key ring) and its observers.</summary>
internal sealed class RedactionRuntime
{
    /// <summary>The purpose of redaction's pseudonym key; unchanged since redaction derived its own, so stored tokens still match.</summary>
    public const string PseudonymPurpose = "PrivacyEf.Redaction.Pseudonyms.v1";

    private readonly Lazy<PiiRedactor> redactor;
    private readonly Lazy<IRedactionObserver[]> observers;
    private readonly ILogger logger;

    public RedactionRuntime(RedactionOptions options, PseudonymKeySource pseudonymKeys, IServiceProvider? services, ILogger logger)
    {
        this.logger = logger;
        var snapshot = options.Clone();
        // A configured key is redaction's own key, as documented (a standalone PiiRedactor with the same options agrees).
        redactor = new Lazy<PiiRedactor>(() => new PiiRedactor(snapshot, snapshot.PseudonymKey is null ? pseudonymKeys.KeyFor(PseudonymPurpose) : null));

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
