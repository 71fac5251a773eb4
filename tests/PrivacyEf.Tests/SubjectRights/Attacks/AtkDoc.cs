using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A member's document; erased with the member, purged 30 days after creation.</summary>
[Retain(30, From = nameof(CreatedAt))]
public class AtkDoc
{
    public int Id { get; set; }

    [DataSubject]
    public int MemberId { get; set; }

    public AtkMember? Member { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Title { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
