namespace PrivacyEf.Tests.Model.Matrix.Inheritance;

/// <summary>A derived type of the matrix hierarchy, with a personal street of its own and a retention rule of its own.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Anonymize)]
public class InheritedAnonymizedRow : InheritedRow
{
    [Personal(PersonalDataCategory.Location, Encrypt = true)]
    public string Street { get; set; } = "";
}
