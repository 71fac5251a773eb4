using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Access.Logging;

/// <summary>
/// When and how soon a failed append to the access log is tried again. Appends take the log's append lock, so
/// writers of several processes wait for each other instead of colliding; what is left to retry is the database
/// being briefly unavailable (a busy SQLite file past its timeout, a dropped connection, a failover, a serialization
/// failure). Delays grow exponentially with jitter, so instances that failed together do not retry together.
/// </summary>
internal static class AccessLogRetry
{
    /// <summary>Tries in all, the first included: about 12 s of waiting, enough to ride out a failover.</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether trying again may succeed: errors of the database or its connection. A mistake in the application's set-up
    /// (a context PrivacyEf cannot construct, an unmapped log table) fails the same way every time and is not retried.
    /// </summary>
    public static bool IsRetryable(Exception exception) =>
        exception is DbException or DbUpdateException or TimeoutException
        || exception.InnerException is DbException or TimeoutException;

    /// <summary>The wait before try number <paramref name="attempt"/> (2 for the first retry): half fixed, half random.</summary>
    public static TimeSpan DelayBefore(int attempt)
    {
        var ceiling = Math.Min(LongestDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 2));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
