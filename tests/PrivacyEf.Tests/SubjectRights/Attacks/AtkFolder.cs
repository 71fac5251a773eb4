using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A folder tree of one owner: a child folder cascades from its parent.</summary>
public class AtkFolder
{
    public int Id { get; set; }

    [DataSubject]
    public int OwnerId { get; set; }

    public int? ParentId { get; set; }

    public AtkFolder? Parent { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Title { get; set; } = "";
}
