using System.Globalization;

namespace PrivacyEf.Commands;

/// <summary>How the summaries write numbers a person reads.</summary>
internal static class SummaryFormat
{
    public static string Duration(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? duration.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
            : duration.TotalMilliseconds.ToString("0 'ms'", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
