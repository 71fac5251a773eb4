namespace PrivacyEf.Tests.Model.Matrix.Owned;

/// <summary>Its personal streets live in an owned collection (<c>OwnsMany</c>), stored in a table of its own.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Delete)]
public class OwnedCollectionDeletedRow
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public List<MatrixAddress> Addresses { get; set; } = [];
}
