namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>A conversation thread the nightly purge deletes 30 days after it was opened.</summary>
[Retain(30, From = nameof(OpenedAt))]
public class ExpiringThread
{
    public int Id { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
}
