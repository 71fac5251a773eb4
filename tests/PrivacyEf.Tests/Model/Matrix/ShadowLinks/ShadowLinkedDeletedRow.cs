namespace PrivacyEf.Tests.Model.Matrix.ShadowLinks;

/// <summary>Linked to its data subject by a navigation alone: the foreign key is a shadow property.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Delete)]
public class ShadowLinkedDeletedRow
{
    public int Id { get; set; }

    [DataSubject]
    public MatrixCustomer? Customer { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    [Personal(PersonalDataCategory.Location, Encrypt = true)]
    public string Street { get; set; } = "";

    public string Country { get; set; } = "";
}
