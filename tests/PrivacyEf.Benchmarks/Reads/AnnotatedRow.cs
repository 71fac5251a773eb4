namespace PrivacyEf.Benchmarks.Reads;

/// <summary>The same three columns, personal but stored in plaintext: the cost of the guard alone. An agent may not see the IBAN.</summary>
public partial class AnnotatedRow
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    [Personal(PersonalDataCategory.Contact)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Financial)]
    [Purpose("billing")]
    public string Iban { get; set; } = "";
}
