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
        redactor.Use(scanner => inner.Log(logLevel, eventId, RedactedLogState.Redact(message, values, scanner), exception, static (record, _) => record.Message));
    }
}
