namespace PrivacyEf.Tests.Model.Inheritance;

public class Company : Party
{
    public string VatNumber { get; set; } = "";
}
