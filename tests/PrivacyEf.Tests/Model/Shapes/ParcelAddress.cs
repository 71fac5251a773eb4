namespace PrivacyEf.Tests.Model.Shapes;

/// <summary>A value with personal data, mapped as a complex type, which PrivacyEf refuses rather than store as plaintext.</summary>
public class ParcelAddress
{
    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
    public string Street { get; set; } = "";

    public string Country { get; set; } = "";
}
