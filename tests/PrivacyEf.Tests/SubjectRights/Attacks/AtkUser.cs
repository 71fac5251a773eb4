using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A user whose e-mail is the alternate key tickets reference.</summary>
public class AtkUser
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact)]
    public string Email { get; set; } = "";
}
