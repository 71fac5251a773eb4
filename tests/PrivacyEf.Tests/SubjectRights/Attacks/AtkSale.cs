using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.SubjectRights.Attacks;

/// <summary>A shopper's sale, served by a clerk (cascade from the clerk).</summary>
public class AtkSale
{
    public int Id { get; set; }

    [DataSubject(typeof(AtkShopper))]
    public int ShopperId { get; set; }

    public int ClerkId { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Item { get; set; } = "";
}
