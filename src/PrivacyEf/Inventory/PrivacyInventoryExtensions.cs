using PrivacyEf;
using PrivacyEf.Kernel;
using PrivacyEf.Inventory;

namespace Microsoft.EntityFrameworkCore;

/// <summary>The record of processing of a context that uses PrivacyEf.</summary>
public static class PrivacyInventoryExtensions
{
    /// <summary>
    /// Describes what personal data the context's model holds, how it is protected, why it is processed and
    /// for how long (GDPR Art. 30 record of processing, Art. 13/15 transparency).
    /// </summary>
    /// <param name="context">A context configured with <c>UsePrivacy</c>.</param>
    /// <returns>The inventory; <see cref="PrivacyInventory.ToMarkdown"/> and <see cref="PrivacyInventory.ToJson"/> render it.</returns>
    public static PrivacyInventory GetPrivacyInventory(this DbContext context)
    {
        var policy = PrivacyKernel.Of(context).Policy;
        return PrivacyInventoryBuilder.Build(context.Model, policy.DescriptionOf, policy.DeclaredPurposes);
    }
}
