using System.ComponentModel.DataAnnotations;
using PrivacyEf;

namespace SupportDesk.Model;

/// <summary>A customer of the support desk: the data subject of its tickets.</summary>
public class Customer
{
    [DataSubject]
    public int Id { get; set; }

    [MaxLength(100)]
    [Personal(PersonalDataCategory.Identity, Encrypt = true, Mask = MaskStyle.Initials)]
    [Purpose("support", "billing")]
    public string Name { get; set; } = "";

    [MaxLength(200)]
    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true, Mask = MaskStyle.Email)]
    [Purpose("support", "billing", "marketing")]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
    [Purpose("support")]
    public string? Phone { get; set; }

    [Personal(PersonalDataCategory.Financial, Encrypt = true, Mask = MaskStyle.Last4)]
    [Purpose("billing")]
    public string? Iban { get; set; }

    public string Plan { get; set; } = "basic";
}
