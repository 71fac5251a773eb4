namespace PrivacyEf;

/// <summary>Settings of one purpose, configured with <see cref="PrivacyOptions.Purpose"/>.</summary>
public sealed class PurposeOptions
{
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
