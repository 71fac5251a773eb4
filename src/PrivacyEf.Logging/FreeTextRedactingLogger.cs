using Microsoft.Extensions.Logging;

namespace PrivacyEf.Logging;

/// <summary>
/// Formats a record, runs the message and each unclassified value through <see cref="PiiRedactor"/>, and hands the
/// provider's logger the redacted record. Classified values arrive already redacted by the extended logger.
/// </summary>
internal sealed class FreeTextRedactingLogger(ILogger inner, FreeTextRedactorSource redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);

        // Formatting and scanning are the cost of this opt-in: pay them only for records a provider writes.
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var values = RedactedLogState.Copy(state);
        try
        {
            redactor.Use(scanner => inner.Log(logLevel, eventId, RedactedLogState.Redact(message, values, scanner), exception, static (record, _) => record.Message));
        }
#pragma warning disable CA1031 // Whatever stops the redactor, the record must neither vanish nor go out unredacted.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            // Written without its text, with the reason: a record that vanished would hide the failure too.
            inner.Log(logLevel, eventId, Withheld(failure), exception, static (notice, _) => notice);
        }
    }

    private static string Withheld(Exception failure) =>
        $"[PrivacyEf withheld this record: free-text redaction is unavailable ({failure.GetType().Name}: {failure.Message})]";
}
