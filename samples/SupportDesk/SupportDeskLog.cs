using Microsoft.Extensions.Logging;
using SupportDesk.Model;

namespace SupportDesk;

/// <summary>
/// The support desk's log calls. [LogProperties] writes every property of the customer; the ones annotated
/// [Personal] reach the log only as AddPrivacyLogRedaction writes them.
/// </summary>
public static partial class SupportDeskLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Customer opened by an agent")]
    public static partial void CustomerOpened(ILogger logger, [LogProperties] Customer customer);
}
