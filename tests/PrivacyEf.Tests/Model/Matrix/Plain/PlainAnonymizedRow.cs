namespace PrivacyEf.Tests.Model.Matrix.Plain;

/// <summary>The matrix's baseline: a plain entity with its personal street in a column of its own.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Anonymize)]
public class PlainAnonymizedRow
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    [Personal(PersonalDataCategory.Location, Encrypt = true)]
    public string Street { get; set; } = "";

    public string Country { get; set; } = "";
}
