namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>The data subject: the rows of the other entities reference it through foreign keys.</summary>
public class CaseMember
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";

    [Personal(PersonalDataCategory.Contact)]
    public string Email { get; set; } = "";
}
