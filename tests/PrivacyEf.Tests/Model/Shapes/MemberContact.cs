namespace PrivacyEf.Tests.Model.Shapes;

public class MemberContact
{
    [DataSubject]
    public int MemberId { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
    public string Email { get; set; } = "";
}
