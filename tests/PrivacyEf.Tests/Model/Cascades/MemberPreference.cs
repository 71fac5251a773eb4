namespace PrivacyEf.Tests.Model.Cascades;

/// <summary>A row with no personal data and no privacy rule: the database's cascade may take it with its member.</summary>
public class MemberPreference
{
    public int Id { get; set; }

    public int? MemberId { get; set; }

    public CaseMember? Member { get; set; }

    public string Setting { get; set; } = "";
}
