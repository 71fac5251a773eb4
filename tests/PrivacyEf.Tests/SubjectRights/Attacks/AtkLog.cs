using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>Expiring log whose notes can be soft-deleted (a query filter hides them).</summary>
[Retain(30, From = nameof(OpenedAt))]
public class AtkLog
{
    public int Id { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
}
