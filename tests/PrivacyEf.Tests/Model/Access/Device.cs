namespace PrivacyEf.Tests.Model.Access;

public class Device
{
    public int Id { get; set; }

    [DataSubject]
    public Guid OwnerId { get; set; }

    [Personal(PersonalDataCategory.Online)]
    public string IpAddress { get; set; } = "";
}
