namespace PrivacyEf.Tests.Model.Shapes;

/// <summary>The base of a table-per-type hierarchy whose searchable e-mail lives in the base table.</summary>
public class Person
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
    public string Email { get; set; } = "";
}
