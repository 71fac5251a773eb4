using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Benchmarks.Encryption;

/// <summary>The same shape as <see cref="BenchCustomer"/> without annotations: the baseline.</summary>
[Index(nameof(Email))]
public class PlainCustomer
{
    public int Id { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";
}
