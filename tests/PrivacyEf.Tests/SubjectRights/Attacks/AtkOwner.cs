using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>Subject of the self-reference probe.</summary>
public class AtkOwner
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
