namespace PrivacyEf.Tests.Access;

public sealed class PatronDto
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Iban { get; set; }
}
