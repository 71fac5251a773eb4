namespace PrivacyEf.Tests.Model.Shapes;

public class Employee : Person
{
    public string Department { get; set; } = "";
}
