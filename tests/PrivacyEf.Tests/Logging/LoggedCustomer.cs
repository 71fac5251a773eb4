namespace PrivacyEf.Tests.Logging;

/// <summary>A customer as an application logs it with <c>[LogProperties]</c>: personal members beside plain ones.</summary>
public sealed class LoggedCustomer
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Mask = MaskStyle.Pseudonym)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    public string Tier { get; set; } = "";
}
