namespace PrivacyEf;

/// <summary>Settings of one purpose, configured with <see cref="PrivacyOptions.Purpose"/>.</summary>
public sealed class PurposeOptions
{
    private readonly HashSet<PersonalDataCategory> selfCategories = [];
    private readonly HashSet<Type> coveredEntities = [];

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

    /// <summary>
    /// The entity types whose personal data this purpose covers (types derived from them included); empty (the default)
    /// when it covers every entity, as far as grants allow.
    /// </summary>
    public IReadOnlySet<Type> CoveredEntities => coveredEntities;

    /// <summary>
    /// Narrows the purpose to the personal data of these entity types and the types derived from them: under it, every
    /// other entity's personal values are masked, may not be written and may not be used in conditions, whatever the
    /// grants say. A purpose for one job (signing users in reads the user table, nothing else) then cannot read more
    /// than that job needs, even when a grant names categories other tables hold too.
    /// </summary>
    /// <param name="entityTypes">The entity classes, at least one.</param>
    /// <returns>These options, for chaining.</returns>
    public PurposeOptions CoversOnly(params Type[] entityTypes)
    {
        ArgumentNullException.ThrowIfNull(entityTypes);
        if (entityTypes.Length == 0 || entityTypes.Any(t => t is null))
        {
            throw new ArgumentException($"CoversOnly for purpose '{Name}' needs at least one entity type, none of them null.", nameof(entityTypes));
        }

        coveredEntities.UnionWith(entityTypes);
        return this;
    }

    /// <summary>Whether the purpose covers the personal data of <paramref name="entityType"/>.</summary>
    /// <param name="entityType">An entity's CLR type.</param>
    /// <returns>True when the purpose covers every entity, or one of the types it is narrowed to is or is a base of it.</returns>
    public bool Covers(Type entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (coveredEntities.Count == 0)
        {
            return true;
        }

        foreach (var covered in coveredEntities)
        {
            if (covered.IsAssignableFrom(entityType))
            {
                return true;
            }
        }

        return false;
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
