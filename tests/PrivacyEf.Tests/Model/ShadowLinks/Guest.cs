namespace PrivacyEf.Tests.Model.ShadowLinks;

public class Guest
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
