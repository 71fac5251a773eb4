namespace PrivacyEf.Tests.SubjectRights;

/// <summary>The inventory the generator writes into the assembly at compile time.</summary>
public sealed class CompiledInventoryTests
{
    [Fact]
    public void The_assembly_carries_its_compile_time_inventory()
    {
        var markdown = PrivacyEf.Generated.PrivacyEfGeneratedInventory.Markdown;
        Assert.Contains("## PrivacyEf.Tests.Model.Customer", markdown, StringComparison.Ordinal);
        Assert.Contains("| Email | Contact | yes | yes | Email | no | support, billing |", markdown, StringComparison.Ordinal);
        Assert.Contains("Data subject: CustomerId. Retention: 365 days after ClosedAt, then anonymize.", markdown, StringComparison.Ordinal);
    }
}
