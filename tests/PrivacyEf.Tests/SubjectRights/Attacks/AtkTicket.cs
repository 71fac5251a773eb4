using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A ticket that references its user by e-mail; under legal hold.</summary>
public class AtkTicket
{
    public int Id { get; set; }

    public string UserEmail { get; set; } = "";

    [LegalHold]
    public bool OnHold { get; set; }
}
