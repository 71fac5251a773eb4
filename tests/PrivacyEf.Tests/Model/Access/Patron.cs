namespace PrivacyEf.Tests.Model.Access;

public partial class Patron
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";

    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
    [Purpose("support", "billing", "marketing")]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Financial, Encrypt = true)]
    [Purpose("billing")]
    public string? Iban { get; set; }

    [Personal(PersonalDataCategory.Demographic)]
    public DateTime? BirthDate { get; set; }

    public string Tier { get; set; } = "";

    public bool Archived { get; set; }

    public List<PatronOrder> Orders { get; set; } = [];
}
