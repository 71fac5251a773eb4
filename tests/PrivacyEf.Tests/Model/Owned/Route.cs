namespace PrivacyEf.Tests.Model.Owned;

/// <summary>Kept anonymized, with personal data in an owned collection: what the purge's set-based update cannot reach.</summary>
[Retain(30, From = nameof(DrivenAt), Then = RetentionAction.Anonymize)]
public class Route
{
    public int Id { get; set; }

    [DataSubject]
    public int SubscriberId { get; set; }

    public DateTimeOffset DrivenAt { get; set; }

    public List<SubscriberAddress> Stops { get; set; } = [];
}
