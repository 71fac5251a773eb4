namespace PrivacyEf.Tests.Model;

public class Customer
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true, Mask = MaskStyle.Email)]
    [Purpose("support", "billing")]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
    public string? Phone { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public byte[]? PassportScan { get; set; }

    [Personal(PersonalDataCategory.Demographic)]
    public string? PreferredLanguage { get; set; }

    public string Segment { get; set; } = "";
}
