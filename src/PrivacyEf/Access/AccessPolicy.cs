using PrivacyEf.Internal;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access;

/// <summary>
/// Decides whether a scope may read a personal property: its purpose must be among the property's (or its class's)
/// declared purposes, if any, must cover the property's entity (<see cref="PurposeOptions.CoversOnly"/>), and one of
/// its roles must hold a grant for that purpose and the property's category.
/// </summary>
internal sealed class AccessPolicy
{
    private readonly Dictionary<(string Role, string Purpose), HashSet<PersonalDataCategory>> grants = [];

    private readonly PrivacyPolicy policy;

    public AccessPolicy(PrivacyPolicy policy, AccessOptions options)
    {
        this.policy = policy;
        Options = options;
        foreach (var grant in policy.Grants)
        {
            if (!grants.TryGetValue((grant.Role, grant.Purpose), out var categories))
            {
                categories = [];
                grants.Add((grant.Role, grant.Purpose), categories);
            }

            categories.UnionWith(grant.Categories);
        }
    }

    public AccessOptions Options { get; }

    public IReadOnlyDictionary<string, PurposeOptions> Purposes => policy.Purposes;

    /// <summary>Every purpose the application declared, in a grant or with <c>PrivacyOptions.Purpose</c>.</summary>
    public IEnumerable<string> DeclaredPurposes => policy.DeclaredPurposes;

    public bool ThrowsOnDenied => Options.OnDenied == AccessDeniedBehavior.Throw;

    public bool Allows(PrivacyScope? scope, PrivacyEntityMetadata entity, PrivacyPropertyMetadata property)
    {
        if (scope is null)
        {
            return Options.WithoutScope == UnscopedAccess.Disclose;
        }

        if (scope.IsSystem)
        {
            return true;
        }

        var purposes = entity.EffectivePurposes(property);
        if (purposes.Count > 0 && !purposes.Contains(scope.Purpose, StringComparer.Ordinal))
        {
            return false;
        }

        if (policy.Purposes.TryGetValue(scope.Purpose, out var declared) && !declared.Covers(entity.ClrType))
        {
            return false;
        }

        foreach (var role in scope.Roles)
        {
            if (grants.TryGetValue((role, scope.Purpose), out var categories) && categories.Contains(property.Category))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="scope"/> may write a personal property: a scope may write what it may read; outside
    /// any scope only when <see cref="AccessOptions.WritesWithoutScope"/> allows it (whatever unscoped reads see).
    /// </summary>
    /// <summary>
    /// Whether the scope's data subject may read <paramref name="property"/> in rows linked to them: the scope acts for
    /// itself, its purpose is one the property may be used for, and the purpose allows the self the property's
    /// category. Which rows are the subject's is for the caller to tell.
    /// </summary>
    public bool AllowsSelf(PrivacyScope? scope, PrivacyEntityMetadata entity, PrivacyPropertyMetadata property)
    {
        if (scope is not { IsSystem: false, Self: not null }
            || !policy.Purposes.TryGetValue(scope.Purpose, out var purpose)
            || !purpose.SelfCategories.Contains(property.Category)
            || !purpose.Covers(entity.ClrType))
        {
            return false;
        }

        var purposes = entity.EffectivePurposes(property);
        return purposes.Count == 0 || purposes.Contains(scope.Purpose, StringComparer.Ordinal);
    }

    public bool MayWrite(PrivacyScope? scope, PrivacyEntityMetadata entity, PrivacyPropertyMetadata property) =>
        scope is null
            ? Options.WritesWithoutScope == UnscopedWrites.Allow
            : Allows(scope, entity, property);

    /// <summary>Whether reads under <paramref name="scope"/> return only rows whose data subject consented.</summary>
    public bool RequiresConsent(PrivacyScope? scope) =>
        scope is { IsSystem: false }
        && policy.Purposes.TryGetValue(scope.Purpose, out var purpose)
        && purpose.IsConsentRequired;

    public bool AnyPurposeRequiresConsent => policy.Purposes.Values.Any(p => p.IsConsentRequired);
}
