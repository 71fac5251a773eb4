namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>Another kind of data subject, whose ids overlap the shoppers'.</summary>
public class StaffMember
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
