using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Encryption;

[Index(nameof(LookupCode))]
public class BenchCustomer
{
    public int Id { get; set; }

    [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
    public string Email { get; set; } = "";

    [Personal(PersonalDataCategory.Identity, Encrypt = true)]
    public string Name { get; set; } = "";

    /// <summary>
    /// A plaintext, indexed copy of the address (set by the lookup benchmark only): a lookup on it reads the
    /// same row through the same decryption and access checks, so comparing the two isolates the blind index.
    /// </summary>
    public string? LookupCode { get; set; }
}
