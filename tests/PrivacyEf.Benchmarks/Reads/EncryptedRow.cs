namespace PrivacyEf.Benchmarks.Reads;

/// <summary>The same three columns, each encrypted by PrivacyEf (not searchable: the hand-written baseline has no blind index).</summary>
public class EncryptedRow
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";

    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Financial, Encrypt = true)]
    public string Iban { get; set; } = "";
}
