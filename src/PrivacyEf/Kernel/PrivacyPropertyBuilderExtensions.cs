using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyEf;
using PrivacyEf.Kernel;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Declares a property personal in <c>OnModelCreating</c>, for properties that cannot carry
/// <see cref="PersonalAttribute"/> (declared in a library type, such as ASP.NET Core Identity's <c>IdentityUser</c>).
/// The declaration belongs to the model being built, so another context over the same class is unaffected, and it
/// gives what the attribute gives: encryption, blind index, masking, redaction, export, erasure and the inventory.
/// </summary>
/// <remarks>
/// A declaration on a property that also has <see cref="PersonalAttribute"/> may repeat the attribute or strengthen it
/// (turn on <c>Encrypt</c> or <c>Redact</c>, choose <see cref="MaskStyle.Hidden"/>, narrow the purposes); anything
/// that would weaken it is refused with an <see cref="InvalidOperationException"/> when the model is built.
/// </remarks>
public static class PrivacyPropertyBuilderExtensions
{
    /// <summary>Declares the property personal, as <see cref="PersonalAttribute"/> does.</summary>
    /// <param name="propertyBuilder">The property's builder.</param>
    /// <param name="category">The personal data category.</param>
    /// <param name="encrypt">Whether the value is encrypted at rest (string and byte[] properties).</param>
    /// <param name="searchable">Whether equality lookups go through a blind index (needs <paramref name="encrypt"/>; string properties).</param>
    /// <param name="mask">How the value is masked for readers who may not see it.</param>
    /// <param name="redact">Whether free text is redacted before it is saved (string properties).</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static PropertyBuilder IsPersonal(
        this PropertyBuilder propertyBuilder,
        PersonalDataCategory category,
        bool encrypt = false,
        bool searchable = false,
        MaskStyle mask = MaskStyle.Default,
        bool redact = false)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        propertyBuilder.Metadata.SetAnnotation(PrivacyAnnotationNames.Personal, new PersonalDeclaration(category, encrypt, searchable, mask, redact));
        return propertyBuilder;
    }

    /// <summary>Declares the property personal, as <see cref="PersonalAttribute"/> does.</summary>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="propertyBuilder">The property's builder.</param>
    /// <param name="category">The personal data category.</param>
    /// <param name="encrypt">Whether the value is encrypted at rest (string and byte[] properties).</param>
    /// <param name="searchable">Whether equality lookups go through a blind index (needs <paramref name="encrypt"/>; string properties).</param>
    /// <param name="mask">How the value is masked for readers who may not see it.</param>
    /// <param name="redact">Whether free text is redacted before it is saved (string properties).</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static PropertyBuilder<TProperty> IsPersonal<TProperty>(
        this PropertyBuilder<TProperty> propertyBuilder,
        PersonalDataCategory category,
        bool encrypt = false,
        bool searchable = false,
        MaskStyle mask = MaskStyle.Default,
        bool redact = false) =>
        (PropertyBuilder<TProperty>)IsPersonal((PropertyBuilder)propertyBuilder, category, encrypt, searchable, mask, redact);

    /// <summary>
    /// Limits a personal property to the given purposes, as <see cref="PurposeAttribute"/> on a property does: reads under
    /// any other purpose are masked.
    /// </summary>
    /// <param name="propertyBuilder">The property's builder.</param>
    /// <param name="purposes">The purposes, at least one, none blank.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static PropertyBuilder HasPurposes(this PropertyBuilder propertyBuilder, params string[] purposes)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        propertyBuilder.Metadata.SetAnnotation(PrivacyAnnotationNames.Purposes, FluentPurposes.Checked(purposes));
        return propertyBuilder;
    }

    /// <summary>
    /// Limits a personal property to the given purposes, as <see cref="PurposeAttribute"/> on a property does: reads under
    /// any other purpose are masked.
    /// </summary>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="propertyBuilder">The property's builder.</param>
    /// <param name="purposes">The purposes, at least one, none blank.</param>
    /// <returns>The same builder, to chain further configuration.</returns>
    public static PropertyBuilder<TProperty> HasPurposes<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, params string[] purposes) =>
        (PropertyBuilder<TProperty>)HasPurposes((PropertyBuilder)propertyBuilder, purposes);
}
