namespace PrivacyEf.Benchmarks.Logging;

/// <summary>The customer the log benchmark logs with <c>[LogProperties]</c>.</summary>
public sealed class BenchLoggedCustomer
{
    [DataSubject]
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Identity)]
    public string Name { get; set; } = "";

    public string Tier { get; set; } = "";
}
