namespace PrivacyEf.Benchmarks.Encryption;

public class BenchCustomer
{
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";
}
