namespace PrivacyEf;

/// <summary>Settings of one purpose, configured with <see cref="PrivacyOptions.Purpose"/>.</summary>
public sealed class PurposeOptions
{
    private readonly HashSet<PersonalDataCategory> selfCategories = [];

    internal PurposeOptions(string name)
    {
        Name = name;
    }

    /// <summary>The purpose's name.</summary>
    public string Name { get; }

    /// <summary>Whether reads for this purpose return only rows whose data subject has active consent.</summary>
    public bool IsConsentRequired { get; private set; }

    /// <summary>A plain-language description of why data is processed for this purpose, for transparency reports.</summary>
    public string? Description { get; private set; }

    /// <summary>Reads for this purpose return only rows whose <see cref="DataSubjectAttribute"/> has given consent that is neither revoked nor expired.</summary>
    /// <returns>These options, for chaining.</returns>
    public PurposeOptions RequiresConsent()
    {
        IsConsentRequired = true;
        return this;
    }

    /// <summary>The categories a data subject acting for themselves may read and change in their own rows.</summary>
    public IReadOnlySet<PersonalDataCategory> SelfCategories => selfCategories;

    /// <summary>
    /// Lets a data subject acting for themselves (a scope opened with a <see cref="PrivacySubject"/>) read and change
    /// these categories in the rows linked to them, logged like any disclosure; everyone else's rows stay as the
    /// scope's roles allow. Conditions on those values in queries stay refused, since they would ask about other
    /// people's rows too.
    /// </summary>
    /// <param name="categories">The categories of the person's own data.</param>
    /// <returns>These options, for chaining.</returns>
    public PurposeOptions AllowSelf(params PersonalDataCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Length == 0)
        {
            throw new ArgumentException($"AllowSelf for purpose '{Name}' names no category: list the categories a person may see of their own data.", nameof(categories));
        }

        selfCategories.UnionWith(categories);
        return this;
    }

    /// <summary>Stores a plain-language description of the purpose.</summary>
    /// <param name="description">Why data is processed for this purpose.</param>
    /// <returns>These options, for chaining.</returns>
    public PurposeOptions Describe(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Description = description;
        return this;
    }
}
