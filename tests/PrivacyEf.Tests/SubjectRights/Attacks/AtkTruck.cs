using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>TPT derived type with dependents.</summary>
public class AtkTruck : AtkVehicle
{
    public int Axles { get; set; }
}
