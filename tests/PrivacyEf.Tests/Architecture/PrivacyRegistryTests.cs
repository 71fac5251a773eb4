using PrivacyEf.Internal;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Architecture;

/// <summary>An entity's privacy metadata comes from its annotations, once: nothing can replace it afterwards.</summary>
public sealed class PrivacyRegistryTests
{
    [Fact]
    public void Metadata_generated_for_an_entity_cannot_be_replaced()
    {
        var generated = PrivacyRegistry.Find(typeof(Customer))!;
        var weakened = generated with { Properties = [] };

        var error = Assert.Throws<InvalidOperationException>(() => PrivacyRegistry.Register(weakened));

        Assert.Contains(typeof(Customer).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Same(generated, PrivacyRegistry.Find(typeof(Customer)));
    }

    [Fact]
    public void Registering_the_same_metadata_again_changes_nothing()
    {
        var generated = PrivacyRegistry.Find(typeof(Customer))!;

        PrivacyRegistry.Register(generated);

        Assert.Same(generated, PrivacyRegistry.Find(typeof(Customer)));
    }
}
