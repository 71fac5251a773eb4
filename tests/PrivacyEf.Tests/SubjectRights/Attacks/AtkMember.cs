using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>The data subject.</summary>
public class AtkMember
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
