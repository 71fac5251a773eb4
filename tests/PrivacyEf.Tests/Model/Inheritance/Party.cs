namespace PrivacyEf.Tests.Model.Inheritance;

/// <summary>The base of a hierarchy whose derived types hold personal data of their own.</summary>
public abstract class Party
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
