namespace PrivacyEf.Kernel;

/// <summary>
/// The one rule for the mask a reader without access gets, used by masking when it reads and by the inventory when
/// it describes: from the declared style, the category and the property's type, never from a value, so the record
/// of processing can state in advance exactly what every read applies.
/// </summary>
internal static class EffectiveMask
{
    /// <summary>The style that is applied: never <see cref="MaskStyle.Default"/>, and only one the type can carry.</summary>
    /// <param name="declared">The style declared on the property.</param>
    /// <param name="category">The property's category, which picks the style of a string when none is declared.</param>
    /// <param name="propertyType">The property's CLR type.</param>
    /// <returns>The applied style.</returns>
    public static MaskStyle Of(MaskStyle declared, PersonalDataCategory category, Type propertyType)
    {
        ArgumentNullException.ThrowIfNull(propertyType);
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (type == typeof(string))
        {
            return declared != MaskStyle.Default ? declared : ForText(category);
        }

        // A date can keep its year; no other style can be computed on a value that is not text, so it is withheld.
        return IsDate(type) && declared is MaskStyle.Default or MaskStyle.YearOnly ? MaskStyle.YearOnly : MaskStyle.Hidden;
    }

    /// <summary>Whether <see cref="MaskStyle.YearOnly"/> can keep the year of values of this type.</summary>
    /// <param name="type">A CLR type, not nullable.</param>
    /// <returns>True for <see cref="DateTime"/>, <see cref="DateTimeOffset"/> and <see cref="DateOnly"/>.</returns>
    public static bool IsDate(Type type) => type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly);

    // A contact value that is not an address is hidden whole by the e-mail mask, so Email is safe for every contact text.
    private static MaskStyle ForText(PersonalDataCategory category) => category switch
    {
        PersonalDataCategory.Contact => MaskStyle.Email,
        PersonalDataCategory.Financial => MaskStyle.Last4,
        PersonalDataCategory.Identity => MaskStyle.Initials,
        _ => MaskStyle.Hidden,
    };
}
