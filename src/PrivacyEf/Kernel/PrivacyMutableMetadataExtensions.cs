using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf;
using PrivacyEf.Kernel;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// The fluent privacy declarations on mutable metadata, for a library that declares the types it maps from
/// <c>PrivacyOptions.DeclareModel</c>, where no builder is at hand. Applications use the builder extensions in
/// <c>OnModelCreating</c> (<see cref="PrivacyPropertyBuilderExtensions"/>, <see cref="PrivacyEntityTypeBuilderExtensions"/>).
/// </summary>
public static class PrivacyMutableMetadataExtensions
{
    /// <summary>Declares the property personal, as <see cref="PersonalAttribute"/> does.</summary>
    /// <param name="property">The property.</param>
    /// <param name="category">The personal data category.</param>
    /// <param name="encrypt">Whether the value is encrypted at rest (string and byte[] properties).</param>
    /// <param name="searchable">Whether equality lookups go through a blind index (needs <paramref name="encrypt"/>; string properties).</param>
    /// <param name="mask">How the value is masked for readers who may not see it.</param>
    /// <param name="redact">Whether free text is redacted before it is saved (string properties).</param>
    /// <returns>The same property.</returns>
    public static IMutableProperty IsPersonal(
        this IMutableProperty property,
        PersonalDataCategory category,
        bool encrypt = false,
        bool searchable = false,
        MaskStyle mask = MaskStyle.Default,
        bool redact = false)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.SetAnnotation(PrivacyAnnotationNames.Personal, new PersonalDeclaration(category, encrypt, searchable, mask, redact));
        return property;
    }

    /// <summary>Names the property that links the entity's rows to their data subject, as <see cref="DataSubjectAttribute"/> does.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="memberName">The property: the subject's own key on the subject entity, or the link to the subject elsewhere.</param>
    /// <param name="kind">The kind of data subject the link leads to, when the model has several and no navigation tells.</param>
    /// <returns>The same entity type.</returns>
    public static IMutableEntityType HasDataSubject(this IMutableEntityType entityType, string memberName, Type? kind = null)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberName);
        entityType.SetAnnotation(PrivacyAnnotationNames.DataSubject, new DataSubjectDeclaration(memberName, kind));
        return entityType;
    }
}
