using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyEf;

/// <summary>The data classifications PrivacyEf's categories map to, for use with <c>Microsoft.Extensions.Compliance</c> redactors.</summary>
public static class PrivacyTaxonomy
{
    /// <summary>The taxonomy name of every PrivacyEf classification.</summary>
    public const string Name = "PrivacyEf";

    /// <summary>
    /// Personal data whose category is not known where it is classified: what <c>[Personal]</c> gives when it is
    /// created without arguments, as the <c>[LoggerMessage]</c> generator of Microsoft.Extensions.Telemetry creates
    /// every classification attribute of a logged parameter or property.
    /// </summary>
    public static DataClassification Uncategorized { get; } = new(Name, "Uncategorized");

    private static readonly DataClassification[] Classifications =
        Enum.GetValues<PersonalDataCategory>().Select(c => new DataClassification(Name, c.ToString())).ToArray();

    /// <summary>The classification for a personal data category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>A classification in the <see cref="Name"/> taxonomy named after the category.</returns>
    public static DataClassification For(PersonalDataCategory category)
    {
        var index = (int)category;
        if (index < 0 || index >= Classifications.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown personal data category.");
        }

        return Classifications[index];
    }
}
