using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>TPT base, deleted 30 days after purchase.</summary>
[Retain(30, From = nameof(BoughtAt))]
public class AtkVehicle
{
    public int Id { get; set; }

    public DateTimeOffset BoughtAt { get; set; }
}
