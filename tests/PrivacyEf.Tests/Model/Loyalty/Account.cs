namespace PrivacyEf.Tests.Model.Loyalty;

/// <summary>The member of a loyalty scheme: the data subject itself.</summary>
[Retain(30, From = nameof(ClosedAt))]
public class Account
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    public DateTime ClosedAt { get; set; }
}
