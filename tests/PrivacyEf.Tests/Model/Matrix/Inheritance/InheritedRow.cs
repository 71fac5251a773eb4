namespace PrivacyEf.Tests.Model.Matrix.Inheritance;

/// <summary>
/// The mapped base of the matrix hierarchy (TPH, TPT or TPC, by context): the subject link and the retention date are
/// here, the personal street and the retention rule on each derived type.
/// </summary>
public abstract class InheritedRow
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string Country { get; set; } = "";
}
