namespace PrivacyEf.Tests.Model.Loyalty;

/// <summary>The base of a table-per-hierarchy: a set of cards holds the gold cards too.</summary>
[Retain(30, From = nameof(IssuedAt))]
public class Card
{
    public int Id { get; set; }

    [DataSubject]
    public int HolderId { get; set; }

    [Personal(PersonalDataCategory.Financial)]
    public string Number { get; set; } = "";

    public DateTime IssuedAt { get; set; }
}
