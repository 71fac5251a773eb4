namespace PrivacyEf.Tests.Model.Access;

/// <summary>A visitor whose address readers without access see as a pseudonym: the same token for the same address.</summary>
public class Visitor
{
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Online, Mask = MaskStyle.Pseudonym)]
    public string IpAddress { get; set; } = "";
}
