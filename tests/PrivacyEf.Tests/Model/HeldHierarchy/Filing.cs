namespace PrivacyEf.Tests.Model.HeldHierarchy;

/// <summary>The base of a hierarchy, retained, whose legal hold is declared on a derived type only.</summary>
[Retain(30, From = nameof(FiledAt))]
public abstract class Filing
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    [Personal(PersonalDataCategory.FreeText, Encrypt = true)]
    public string Text { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }
}
