namespace PrivacyEf.Tests.Model.HeldHierarchy;

/// <summary>The base of a hierarchy whose rules (a legal hold) are declared on a derived type only.</summary>
public abstract class Filing
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    [Personal(PersonalDataCategory.FreeText, Encrypt = true)]
    public string Text { get; set; } = "";
}
