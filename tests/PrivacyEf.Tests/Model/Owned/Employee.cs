namespace PrivacyEf.Tests.Model.Owned;

public class Employee : Person
{
    public string Department { get; set; } = "";
}
