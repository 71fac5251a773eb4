namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>A member's case, deleted by an erasure unless it is under legal hold.</summary>
public class LegalCase
{
    public int Id { get; set; }

    [DataSubject]
    public int? MemberId { get; set; }

    public CaseMember? Member { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string? Notes { get; set; }

    [LegalHold]
    public bool OnHold { get; set; }
}
