namespace PrivacyEf.Tests.Model.Owned;

/// <summary>Kept anonymized after an erasure; its owned drop-off address must be anonymized with it.</summary>
[Retain(30, From = nameof(DeliveredAt), Then = RetentionAction.Anonymize)]
public class Delivery
{
    public int Id { get; set; }

    [DataSubject]
    public int SubscriberId { get; set; }

    public DateTimeOffset DeliveredAt { get; set; }

    public SubscriberAddress DropOff { get; set; } = new();
}
