namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>A third kind, keyed by a Guid where the others use integers.</summary>
public class Contractor
{
    [DataSubject]
    public Guid Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";
}
