using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Metadata;

namespace PrivacyEf.Modeling;

/// <summary>Facts about a finished model that interceptors check on every call, computed once per model.</summary>
internal sealed class PrivacyModelFacts
{
    private static readonly ConditionalWeakTable<IModel, PrivacyModelFacts> Cache = [];

    private PrivacyModelFacts(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (PrivacyRegistry.Find(entityType.ClrType) is { } metadata && metadata.Properties.Any(p => p.Encrypt && entityType.FindProperty(p.Name) is not null))
            {
                HasEncryptedProperties = true;
            }
        }
    }

    public bool HasEncryptedProperties { get; }

    public static PrivacyModelFacts For(IModel model) => Cache.GetValue(model, static m => new PrivacyModelFacts(m));
}
