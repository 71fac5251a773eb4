namespace PrivacyEf.Tests.Model.Owned;

/// <summary>A data subject whose address and phones are owned types: part of the subscriber's row, not entities of their own.</summary>
public class Subscriber
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";

    public SubscriberAddress Address { get; set; } = new();

    public List<SubscriberPhone> Phones { get; set; } = [];
}
