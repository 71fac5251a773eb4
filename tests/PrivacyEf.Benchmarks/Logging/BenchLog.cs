using Microsoft.Extensions.Logging;

namespace PrivacyEf.Benchmarks.Logging;

/// <summary>What a support desk logs: a customer, a note typed by an agent (free text), an event without personal data.</summary>
public static partial class BenchLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Customer signed in")]
    public static partial void SignedIn(ILogger logger, [LogProperties] BenchLoggedCustomer customer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent note on ticket {Ticket}: {Note}")]
    public static partial void Noted(ILogger logger, int ticket, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Ticket} moved to {Queue} after {Minutes} minutes")]
    public static partial void Moved(ILogger logger, int ticket, string queue, int minutes);
}
