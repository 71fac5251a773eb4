using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>Kind one.</summary>
public class AtkShopper
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
