using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A note on a log, soft-deletable, under legal hold.</summary>
public class AtkLogNote
{
    public int Id { get; set; }

    public int LogId { get; set; }

    public AtkLog? Log { get; set; }

    public bool IsDeleted { get; set; }

    [LegalHold]
    public bool OnHold { get; set; }
}
