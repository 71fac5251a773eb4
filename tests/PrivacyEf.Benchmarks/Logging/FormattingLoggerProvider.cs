using Microsoft.Extensions.Logging;

namespace PrivacyEf.Benchmarks.Logging;

/// <summary>A provider that does what every real one does, format the message and read each value, and writes nothing.</summary>
public sealed class FormattingLoggerProvider : ILoggerProvider
{
    public long Characters => logger.Characters;

    private readonly FormattingLogger logger = new();

    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
