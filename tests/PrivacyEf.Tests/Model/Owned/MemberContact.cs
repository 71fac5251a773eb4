namespace PrivacyEf.Tests.Model.Owned;

public class MemberContact
{
    [DataSubject]
    public int MemberId { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
    public string Email { get; set; } = "";
}
