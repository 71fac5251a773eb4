using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>Derived attachment that is another subject's data (signed by a member).</summary>
public class AtkSignedAttachment : AtkAttachment
{
    [DataSubject]
    public int SignerId { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Signature { get; set; } = "";
}
