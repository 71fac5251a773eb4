namespace PrivacyEf;

/// <summary>When and how the hosted purge of one context type runs.</summary>
public sealed class PrivacyRetentionOptions
{
    /// <summary>The time of day the purge runs; default 02:30.</summary>
    public TimeOnly TimeOfDay { get; private set; } = new(2, 30);

    /// <summary>The time zone <see cref="TimeOfDay"/> is read in; default UTC.</summary>
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The rows one batch purges at most; default 1000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Called with the report of each scheduled run (to alert, or to export it elsewhere).</summary>
    public Action<PurgeReport>? OnCompleted { get; set; }

    /// <summary>Runs the purge every day at <paramref name="timeOfDay"/>.</summary>
    /// <param name="timeOfDay">The time of day.</param>
    /// <param name="timeZone">The zone the time is read in; default UTC.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyRetentionOptions RunDailyAt(TimeOnly timeOfDay, TimeZoneInfo? timeZone = null)
    {
        TimeOfDay = timeOfDay;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        return this;
    }

    /// <summary>The first scheduled moment strictly after <paramref name="now"/>.</summary>
    /// <param name="now">The current moment.</param>
    /// <returns>The next run.</returns>
    public DateTimeOffset NextRunAfter(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        var candidate = local.Date + TimeOfDay.ToTimeSpan();
        for (var day = 0; day < 3; day++, candidate = candidate.AddDays(1))
        {
            // A time skipped by a daylight-saving jump runs an hour later that day.
            var wall = TimeZone.IsInvalidTime(candidate) ? candidate.AddHours(1) : candidate;
            var at = new DateTimeOffset(wall, TimeZone.GetUtcOffset(wall));
            if (at > now)
            {
                return at.ToUniversalTime();
            }
        }

        throw new InvalidOperationException("No scheduled purge time found in the next three days.");
    }
}
