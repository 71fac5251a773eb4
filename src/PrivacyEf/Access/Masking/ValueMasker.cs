using System.Globalization;
using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Masking;

/// <summary>
/// Turns a personal value into what a reader without access may see. Strings are masked by text element; dates keep
/// their year (January 1st) under <see cref="MaskStyle.YearOnly"/>; every other value is withheld (null or default).
/// The style applied is <see cref="EffectiveMask"/>'s, the one the privacy inventory describes.
/// </summary>
internal static class ValueMasker
{
    /// <summary>Masks a string.</summary>
    /// <param name="value">The real value; null and empty stay as they are, since they disclose nothing.</param>
    /// <param name="style">The property's mask style.</param>
    /// <param name="category">The property's category, which picks the style when <paramref name="style"/> is <see cref="MaskStyle.Default"/>.</param>
    /// <param name="nullable">Whether null may stand for a hidden value.</param>
    /// <param name="pseudonymKey">The key of <see cref="MaskStyle.Pseudonym"/> tokens.</param>
    /// <returns>The masked value.</returns>
    public static string? MaskString(string? value, MaskStyle style, PersonalDataCategory category, bool nullable, ReadOnlySpan<byte> pseudonymKey) =>
        MaskText(value, EffectiveMask.Of(style, category, typeof(string)), nullable, pseudonymKey);

    /// <summary>Masks a value of any type: strings by style, dates to their year, anything else to null or its default.</summary>
    /// <param name="value">The real value.</param>
    /// <param name="clrType">The property's CLR type.</param>
    /// <param name="style">The property's mask style.</param>
    /// <param name="category">The property's category.</param>
    /// <param name="nullable">Whether null may stand for a hidden value.</param>
    /// <param name="pseudonymKey">The key of <see cref="MaskStyle.Pseudonym"/> tokens.</param>
    /// <returns>The masked value, assignable to <paramref name="clrType"/>.</returns>
    public static object? Mask(object? value, Type clrType, MaskStyle style, PersonalDataCategory category, bool nullable, ReadOnlySpan<byte> pseudonymKey)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        if (value is null)
        {
            return null;
        }

        var applied = EffectiveMask.Of(style, category, clrType);
        if (value is string text)
        {
            return MaskText(text, applied, nullable, pseudonymKey);
        }

        if (applied == MaskStyle.YearOnly)
        {
            switch (value)
            {
                case DateTime date:
                    return new DateTime(date.Year, 1, 1, 0, 0, 0, date.Kind);
                case DateTimeOffset moment:
                    return new DateTimeOffset(moment.Year, 1, 1, 0, 0, 0, moment.Offset);
                case DateOnly day:
                    return new DateOnly(day.Year, 1, 1);
            }
        }

        var underlying = Nullable.GetUnderlyingType(clrType);
        if (underlying is not null || !clrType.IsValueType)
        {
            return nullable || underlying is not null || value is not byte[] ? null : Array.Empty<byte>();
        }

        return Activator.CreateInstance(clrType);
    }

    private static string? MaskText(string? value, MaskStyle applied, bool nullable, ReadOnlySpan<byte> pseudonymKey)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return applied switch
        {
            MaskStyle.Redacted => MaskPlaceholders.Redacted,
            MaskStyle.Email => Email(value),
            MaskStyle.Last4 => Last4(value),
            MaskStyle.Initials => Initials(value),
            MaskStyle.YearOnly => YearOf(value),
            MaskStyle.Pseudonym => Pseudonym(value, pseudonymKey),
            _ => nullable ? null : MaskPlaceholders.Hidden,
        };
    }

    private static string Email(string value)
    {
        var at = value.LastIndexOf('@');
        if (at < 0 || at == value.Length - 1 || value.AsSpan().ContainsAny(' ', '\t', '\n'))
        {
            // Not an address (a phone, a postal address, a sentence with an @ in it): nothing of it is safe to keep.
            return MaskPlaceholders.Hidden;
        }

        return TextElements.First(value[..at]) + MaskPlaceholders.Hidden + value[at..];
    }

    private static string Last4(string value)
    {
        // Counted in text elements, without splitting the string: this runs for every masked row of a query.
        var count = TextElements.Count(value);

        // A value of four characters or fewer would be disclosed whole by "the last four".
        if (count <= 4)
        {
            return new string('*', count);
        }

        var keptFrom = TextElements.IndexOfElement(value, count - 4);
        return string.Create(count - 4 + (value.Length - keptFrom), (value, keptFrom, hidden: count - 4), static (span, state) =>
        {
            span[..state.hidden].Fill('*');
            state.value.AsSpan(state.keptFrom).CopyTo(span[state.hidden..]);
        });
    }

    private static string Initials(string value)
    {
        var words = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(word => TextElements.First(word) + "."));
    }

    private static string YearOf(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment.Year.ToString("0000", CultureInfo.InvariantCulture)
            : MaskPlaceholders.Hidden;

    private static string Pseudonym(string value, ReadOnlySpan<byte> key) => PseudonymToken.Of(value, key);
}
