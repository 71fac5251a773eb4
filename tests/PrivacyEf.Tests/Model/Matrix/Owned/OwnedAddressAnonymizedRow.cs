namespace PrivacyEf.Tests.Model.Matrix.Owned;

/// <summary>Its personal street lives in an owned reference (<c>OwnsOne</c>): in this row's table, or a JSON column, by context.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Anonymize)]
public class OwnedAddressAnonymizedRow
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public MatrixAddress Address { get; set; } = new();
}
