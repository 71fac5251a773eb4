using PrivacyEf.Access;
using PrivacyEf.Internal;

namespace PrivacyEf.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly PrivacyPropertyMetadata Email = new("Email", typeof(string), PersonalDataCategory.Contact, false, false, MaskStyle.Default, false, ["support", "billing"]);
    private static readonly PrivacyPropertyMetadata Phone = new("Phone", typeof(string), PersonalDataCategory.Contact, false, false, MaskStyle.Default, false, []);
    private static readonly PrivacyPropertyMetadata Iban = new("Iban", typeof(string), PersonalDataCategory.Financial, false, false, MaskStyle.Default, false, []);
    private static readonly PrivacyEntityMetadata Person = new(typeof(object), [Email, Phone, Iban], [], null, null, null);
    private static readonly PrivacyEntityMetadata BillingOnly = new(typeof(string), [Email, Phone, Iban], ["billing"], null, null, null);

    private static AccessPolicy Policy(Action<PrivacyOptions>? configure = null)
    {
        var options = new PrivacyOptions()
            .Grant("agent", "support", PersonalDataCategory.Contact)
            .Grant("clerk", "billing", PersonalDataCategory.Contact, PersonalDataCategory.Financial);
        configure?.Invoke(options);
        return new AccessPolicy(options.Policy, options.Access);
    }

    [Fact]
    public void A_role_reads_the_categories_granted_for_the_scopes_purpose()
    {
        var policy = Policy();
        using var agent = Privacy.Access("support", "a", ["agent"]);
        Assert.True(policy.Allows(agent, Person, Email));
        Assert.True(policy.Allows(agent, Person, Phone));
        Assert.False(policy.Allows(agent, Person, Iban));
    }

    [Fact]
    public void A_grant_for_another_purpose_does_not_count()
    {
        var policy = Policy();
        using var agentBilling = Privacy.Access("billing", "a", ["agent"]);
        Assert.False(policy.Allows(agentBilling, Person, Phone));
    }

    [Fact]
    public void Declared_purposes_limit_even_a_granted_role()
    {
        var policy = Policy(o => o.Grant("marketer", "marketing", PersonalDataCategory.Contact));
        using var marketer = Privacy.Access("marketing", "m", ["marketer"]);
        Assert.False(policy.Allows(marketer, Person, Email));
        Assert.True(policy.Allows(marketer, Person, Phone));

        // The class's purposes govern properties that declare none; a property's own purposes win over them.
        Assert.False(policy.Allows(marketer, BillingOnly, Phone));
        using var clerk = Privacy.Access("billing", "c", ["clerk"]);
        Assert.True(policy.Allows(clerk, BillingOnly, Iban));
    }

    [Fact]
    public void Any_of_the_scopes_roles_may_grant()
    {
        var policy = Policy(o => o.Grant("auditor", "support", PersonalDataCategory.Financial));
        using var both = Privacy.Access("support", "x", ["agent", "auditor"]);
        Assert.True(policy.Allows(both, Person, Iban));
        Assert.True(policy.Allows(both, Person, Email));
    }

    [Fact]
    public void No_scope_sees_nothing_unless_configured_and_a_system_scope_sees_everything()
    {
        Assert.False(Policy().Allows(null, Person, Phone));
        Assert.True(Policy(o => o.WithoutScope = UnscopedAccess.Disclose).Allows(null, Person, Iban));
        using var system = Privacy.System("test");
        Assert.True(Policy().Allows(system, Person, Iban));
        Assert.True(Policy().Allows(system, BillingOnly, Email));
    }

    [Fact]
    public void Consent_is_required_only_for_purposes_configured_so_and_never_for_the_system()
    {
        var policy = Policy(o => o.Purpose("marketing").RequiresConsent().Describe("Offers by e-mail."));
        Assert.True(policy.AnyPurposeRequiresConsent);
        using (var marketing = Privacy.Access("marketing", "m", ["marketer"]))
        {
            Assert.True(policy.RequiresConsent(marketing));
        }

        using (var support = Privacy.Access("support", "a", ["agent"]))
        {
            Assert.False(policy.RequiresConsent(support));
        }

        using (var system = Privacy.System("export"))
        {
            Assert.False(policy.RequiresConsent(system));
        }

        Assert.False(policy.RequiresConsent(null));
        Assert.Equal("Offers by e-mail.", policy.Purposes["marketing"].Description);
        Assert.False(Policy().AnyPurposeRequiresConsent);
    }
}
