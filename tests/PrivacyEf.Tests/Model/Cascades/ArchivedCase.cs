namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>A member's closed case, kept anonymized by its retention rule: an erasure anonymizes it, never deletes it.</summary>
[Retain(30, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
public class ArchivedCase
{
    public int Id { get; set; }

    [DataSubject]
    public int? MemberId { get; set; }

    public CaseMember? Member { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string? Summary { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}
