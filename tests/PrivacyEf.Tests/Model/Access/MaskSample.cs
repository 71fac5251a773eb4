namespace PrivacyEf.Tests.Model.Access;

/// <summary>
/// One property of each kind of type a personal property may have. Its privacy metadata is declared by the test
/// that uses it, once per category and declared style, and never registered; the names say nothing of the values (no "Email", no "Name").
/// </summary>
public class MaskSample
{
    public int Id { get; set; }

    public string Text { get; set; } = "";

    public string? OptionalText { get; set; }

    public DateTime When { get; set; }

    public DateTime? OptionalWhen { get; set; }

    public DateTimeOffset Moment { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }

    public int? OptionalCount { get; set; }

    public decimal Amount { get; set; }

    public bool Flag { get; set; }

    public Guid Token { get; set; }

    public byte[]? Blob { get; set; }
}
