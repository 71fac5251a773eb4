namespace PrivacyEf.Benchmarks.Access;

/// <summary>Personal columns in plaintext, so the figures show the cost of masking and logging, not of decryption.</summary>
public class AccessBenchCustomer
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    [Personal(PersonalDataCategory.Contact)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Financial)]
    [Purpose("billing")]
    public string? Iban { get; set; }

    public string Plan { get; set; } = "";
}
