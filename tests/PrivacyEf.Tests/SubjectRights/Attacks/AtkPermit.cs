using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A permit of a truck, under legal hold.</summary>
public class AtkPermit
{
    public int Id { get; set; }

    public int TruckId { get; set; }

    public AtkTruck? Truck { get; set; }

    [LegalHold]
    public bool OnHold { get; set; }
}
