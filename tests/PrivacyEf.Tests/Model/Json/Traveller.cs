namespace PrivacyEf.Tests.Model.Json;

/// <summary>A data subject whose passport details live in an owned type stored as a JSON column.</summary>
public class Traveller
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    public TravelDocument Passport { get; set; } = new();
}
