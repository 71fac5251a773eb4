namespace PrivacyEf.Tests.Access.Attacks;

/// <summary>A kind of data subject keyed by bytes (a card's UID, a hash of an external id).</summary>
public class Cardholder
{
    [DataSubject]
    public byte[] Id { get; set; } = [];

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
