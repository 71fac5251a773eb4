namespace PrivacyEf.Tests.Retention.Model;

[Retain(7, From = nameof(StartedAt))]
public class SessionRecord
{
    public long Id { get; set; }

    [Personal(PersonalDataCategory.Online)]
    public string IpAddress { get; set; } = "";

    public DateTime StartedAt { get; set; }

    [LegalHold]
    public bool Held { get; set; }
}
