namespace PrivacyEf;

/// <summary>
/// Keeps rows of an entity for a number of days after a date property, then deletes or anonymizes them
/// in the retention purge (<c>PurgeExpiredAsync</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RetainAttribute : Attribute
{
    /// <summary>Keeps rows for the given number of days.</summary>
    /// <param name="days">The retention period in days; must be positive.</param>
    public RetainAttribute(int days)
    {
        Days = days;
    }

    /// <summary>The retention period in days.</summary>
    public int Days { get; }

    /// <summary>The name of the <c>DateTime</c> or <c>DateTimeOffset</c> property the period counts from. A row whose date is null is not expired.</summary>
    public string? From { get; set; }

    /// <summary>What happens to an expired row.</summary>
    public RetentionAction Then { get; set; }
}
