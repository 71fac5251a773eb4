namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>A data subject whose row navigates to another data subject's row: the member who referred them.</summary>
public class ReferredMember
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    public int? ReferrerId { get; set; }

    public ReferredMember? Referrer { get; set; }
}
