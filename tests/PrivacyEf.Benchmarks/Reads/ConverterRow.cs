namespace PrivacyEf.Benchmarks.Reads;

/// <summary>The same three columns, each encrypted by <see cref="HandWrittenAesGcmConverter"/> (configured in <see cref="PlainReadsDb"/>).</summary>
public class ConverterRow
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Iban { get; set; } = "";
}
