using Microsoft.Extensions.Logging;

namespace PrivacyEf.Benchmarks.Logging;

/// <summary>Formats each record and reads its values, counting characters so nothing is optimized away.</summary>
public sealed class FormattingLogger : ILogger
{
    public long Characters { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Characters += formatter(state, exception).Length;
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var value in values)
            {
                Characters += value.Value?.ToString()?.Length ?? 0;
            }
        }
    }
}
