using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>Base attachment: no privacy rules; FK to the document declared here, ON DELETE CASCADE.</summary>
public class AtkAttachment
{
    public int Id { get; set; }

    public int DocId { get; set; }

    public AtkDoc? Doc { get; set; }

    public string Label { get; set; } = "";
}
