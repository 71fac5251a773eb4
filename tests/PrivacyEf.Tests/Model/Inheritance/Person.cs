namespace PrivacyEf.Tests.Model.Inheritance;

public class Person : Party
{
    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string NationalId { get; set; } = "";
}
