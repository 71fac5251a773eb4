namespace PrivacyEf.Tests.Model.Shapes;

/// <summary>An entity whose searchable e-mail lives in an owned type, beyond the reach of re-encryption.</summary>
public class Member
{
    public int Id { get; set; }

    public MemberContact Contact { get; set; } = new();
}
