namespace PrivacyEf.Tests.Model.Loyalty;

/// <summary>
/// The base of a dependent hierarchy. Its foreign key names a derived principal (<see cref="GoldCard"/>), which an
/// order that compares principals by equality misses when it deletes the base type's rows (<see cref="Card"/>).
/// </summary>
[Retain(30, From = nameof(GrantedAt))]
public class Perk
{
    public int Id { get; set; }

    [DataSubject]
    public int HolderId { get; set; }

    public int? GoldCardId { get; set; }

    public GoldCard? GoldCard { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string? Note { get; set; }

    public DateTime GrantedAt { get; set; }
}
