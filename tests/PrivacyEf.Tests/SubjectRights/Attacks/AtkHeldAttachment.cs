using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>Derived attachment under legal hold.</summary>
public class AtkHeldAttachment : AtkAttachment
{
    [LegalHold]
    public bool OnHold { get; set; }
}
