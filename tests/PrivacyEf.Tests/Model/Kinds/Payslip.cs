namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>No navigation: the attribute names its kind.</summary>
public class Payslip
{
    public int Id { get; set; }

    [DataSubject(typeof(StaffMember))]
    public int StaffMemberId { get; set; }

    [Personal(PersonalDataCategory.Financial)]
    public decimal Amount { get; set; }
}
