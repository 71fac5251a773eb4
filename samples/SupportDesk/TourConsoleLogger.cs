using Microsoft.Extensions.Logging;

namespace SupportDesk;

/// <summary>Writes a record as the message and its values, as a structured log sink would store them.</summary>
public sealed class TourConsoleLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}"))
            : "";
        Console.WriteLine($"  log: {formatter(state, exception)}  {{ {values} }}");
    }
}
