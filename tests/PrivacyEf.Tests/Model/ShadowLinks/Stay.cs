namespace PrivacyEf.Tests.Model.ShadowLinks;

/// <summary>Linked to its guest by a navigation alone: the foreign key is a shadow property the class never declares.</summary>
public class Stay
{
    public int Id { get; set; }

    [DataSubject]
    public Guest? Guest { get; set; }

    [Personal(PersonalDataCategory.FreeText)]
    public string Notes { get; set; } = "";
}
