namespace PrivacyEf.Benchmarks.Reads;

/// <summary>Three string columns and no annotation: plain EF, the baseline of every read.</summary>
public class PlainRow
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Iban { get; set; } = "";
}
