using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupportDesk;

/// <summary>Prints the sample's own log records in the tour, in line with its output (EF Core and Data Protection stay quiet).</summary>
public sealed class TourConsoleLoggerProvider : ILoggerProvider
{
    public const string Category = "SupportDesk";

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new TourConsoleLogger() : NullLogger.Instance;

    public void Dispose()
    {
    }
}
