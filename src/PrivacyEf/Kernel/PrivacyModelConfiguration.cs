using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyEf.Internal;

/// <summary>
/// Applies the parts of an entity's privacy metadata that belong in the database schema (column comments
/// that say what a column holds and why). Called by the generated <c>Configure</c> methods and by the
/// model convention that <c>UsePrivacy</c> installs; applying it twice changes nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PrivacyModelConfiguration
{
    /// <summary>Applies <paramref name="metadata"/> to <paramref name="entityType"/>.</summary>
    /// <param name="entityType">The entity type being built.</param>
    /// <param name="metadata">The entity's generated metadata.</param>
    public static void Apply(IMutableEntityType entityType, PrivacyEntityMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var personal in metadata.Properties)
        {
            // A property the model ignores (or maps elsewhere) has nothing to configure here.
            if (entityType.FindProperty(personal.Name) is not { } property || property.GetComment() is not null)
            {
                continue;
            }

            property.SetComment(Describe(personal, metadata.EffectivePurposes(personal)));
        }
    }

    private static string Describe(PrivacyPropertyMetadata property, IReadOnlyList<string> purposes)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"Personal data ({property.Category})") };
        if (property.Encrypt)
        {
            parts.Add(property.Searchable ? "encrypted, searchable" : "encrypted");
        }

        if (property.Redact)
        {
            parts.Add("redacted on save");
        }

        if (purposes.Count > 0)
        {
            parts.Add("purposes: " + string.Join(", ", purposes));
        }

        return string.Join("; ", parts);
    }
}
