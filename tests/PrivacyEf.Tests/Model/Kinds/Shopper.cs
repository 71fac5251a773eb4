namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>One kind of data subject: a customer of the shop.</summary>
public class Shopper
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
