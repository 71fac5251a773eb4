namespace PrivacyEf.Tests.Model.Matrix.AbstractBase;

/// <summary>
/// An abstract class that is no entity itself (the model maps only the classes derived from it) but carries the
/// annotations its entities inherit.
/// </summary>
public abstract class AnnotatedAddressRecord
{
    public int Id { get; set; }

    [DataSubject]
    public int CustomerId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    [Personal(PersonalDataCategory.Location, Encrypt = true)]
    public string Street { get; set; } = "";

    public string Country { get; set; } = "";
}
